package fr.mutualis.kit.tenant;

import java.util.List;
import java.util.function.Supplier;

/**
 * Test support: runs code as if serving a request of {@code tenant}, the way {@link TenantContextFilter} binds it,
 * so that a test can use the application's DataSource exactly as a request does. Lives in the kit's package because
 * the holder's setter is package-private there.
 */
public final class AsTenant {

    public static <T> T call(String tenant, Supplier<T> work) {
        TenantContextHolder.set(new TenantContext(tenant, "rls-test", "RLS test", List.of(tenant), List.of("AGENT")));
        try {
            return work.get();
        } finally {
            TenantContextHolder.clear();
        }
    }

    private AsTenant() {
    }
}

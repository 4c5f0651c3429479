package fr.mutualis.kit.tenant;

import java.util.function.Supplier;

/**
 * Runs work as a given caller outside an HTTP request, exactly as {@link TenantContextFilter} does for a request: the
 * connections it takes carry that tenant, so row-level security applies to it. Lets tests prove the database wall on
 * its own (a query without its tenant filter), and lets batch work narrow itself to one tenant. It can only narrow
 * what the code sees: without a scope the platform's own work sees every row anyway.
 */
public final class TenantScope {

    public static <T> T callAs(TenantContext caller, Supplier<T> work) {
        TenantContext previous = TenantContextHolder.current().orElse(null);
        TenantContextHolder.set(caller);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                TenantContextHolder.clear();
            } else {
                TenantContextHolder.set(previous);
            }
        }
    }

    private TenantScope() {
    }
}

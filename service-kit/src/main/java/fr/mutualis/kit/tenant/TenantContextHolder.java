package fr.mutualis.kit.tenant;

import java.util.Optional;

/** The tenant context of the request being served by this thread (set by {@link TenantContextFilter}). */
public final class TenantContextHolder {

    private static final ThreadLocal<TenantContext> CURRENT = new ThreadLocal<>();

    public static Optional<TenantContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static void set(TenantContext context) {
        CURRENT.set(context);
    }

    static void clear() {
        CURRENT.remove();
    }

    private TenantContextHolder() {
    }
}

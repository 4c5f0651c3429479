package fr.mutualis.governance.api;

import fr.mutualis.governance.query.InstanceView;
import fr.mutualis.kit.tenant.TenantContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may change governance data. A tenant's own instances are managed by its users (reporting jobs only read);
 * a mutualisation's instances by the administering EPCI's shared-service or platform administrators.
 * Members of a mutualisation see its instances but do not manage them (403, not 404: they can see them).
 */
final class Access {

    static void requireWriter(TenantContext caller) {
        if (caller.roles().stream().allMatch("REPORTING"::equals)) {
            throw new AccessDeniedException("Reporting is read-only");
        }
    }

    static void requireManager(InstanceView instance, TenantContext caller) {
        requireWriter(caller);
        if (!instance.administeringSiren().equals(caller.tenantId())) {
            throw new AccessDeniedException("Only the administering EPCI manages a mutualisation's instances");
        }
        if (instance.mutualisationId() != null && !isSharedAdministrator(caller)) {
            throw new AccessDeniedException("A mutualisation's instances are managed by its shared-service administrators");
        }
    }

    static boolean isSharedAdministrator(TenantContext caller) {
        return caller.hasRole("SHARED_SERVICE_ADMIN") || caller.hasRole("PLATFORM_ADMIN");
    }

    private Access() {
    }
}

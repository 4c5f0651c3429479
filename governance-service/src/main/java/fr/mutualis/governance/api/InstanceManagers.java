package fr.mutualis.governance.api;

import fr.mutualis.governance.query.InstanceView;
import fr.mutualis.kit.error.NotPermittedException;
import fr.mutualis.kit.tenant.Caller;

/**
 * Who manages a governance instance, read from the instance's own view. Governance keeps a rule wider than the kit's
 * {@link Caller}: a mutualisation's instances are managed by its administering EPCI's SHARED_SERVICE_ADMIN <em>or
 * PLATFORM_ADMIN</em> (the platform administrator sets up and runs the committees of the services communs it hosts).
 * A tenant's own instances are managed by its writing roles. Members see a mutualisation's instances without managing
 * them: 403, not 404.
 */
final class InstanceManagers {

    static void requireManages(Caller caller, InstanceView instance) {
        caller.requireWriter();
        if (!instance.administeringSiren().equals(caller.tenantId())) {
            throw new NotPermittedException("Only the administering EPCI manages a mutualisation's instances");
        }
        if (instance.mutualisationId() != null && !administersSharedServices(caller)) {
            throw new NotPermittedException("A mutualisation's instances are managed by its shared-service administrators");
        }
    }

    /** The roles that manage a mutualisation's instances for its EPCI: the kit's Caller grants SHARED_SERVICE_ADMIN only. */
    static boolean administersSharedServices(Caller caller) {
        return caller.hasRole(Caller.SHARED_SERVICE_ADMIN) || caller.hasRole(Caller.PLATFORM_ADMIN);
    }

    private InstanceManagers() {
    }
}

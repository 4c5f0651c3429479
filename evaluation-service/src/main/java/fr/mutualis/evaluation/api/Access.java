package fr.mutualis.evaluation.api;

import fr.mutualis.kit.mutualisation.Mutualisation;
import fr.mutualis.kit.mutualisation.MutualisationDirectory;
import fr.mutualis.kit.tenant.TenantContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who sees and who manages what (ARCHITECTURE.md §2): a tenant's data is its own; a mutualisation's data is seen by
 * its members and its administering EPCI, and managed by that EPCI's SHARED_SERVICE_ADMIN users.
 */
@Component
class Access {

    static final String SHARED_SERVICE_ADMIN = "SHARED_SERVICE_ADMIN";
    private static final Set<String> WRITING_ROLES = Set.of("AGENT", "ELU", SHARED_SERVICE_ADMIN, "PLATFORM_ADMIN");

    private final MutualisationDirectory directory;

    Access(MutualisationDirectory directory) {
        this.directory = directory;
    }

    /** The owners whose data the caller sees: its tenant and the mutualisations it belongs to or administers. */
    Set<String> visibleOwners(TenantContext caller) {
        Set<String> owners = new LinkedHashSet<>();
        owners.add(caller.tenantId());
        directory.visibleTo(caller.tenantId()).forEach(id -> owners.add(id.toString()));
        return owners;
    }

    /** The mutualisation with this id if the caller's tenant belongs to it or administers it. */
    Optional<Mutualisation> visibleMutualisation(String id, TenantContext caller) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return directory.find(uuid).filter(m -> m.hasMember(caller.tenantId()) || m.isAdministeredBy(caller.tenantId()));
    }

    /** Whether the caller may write data of {@code owner} (already known to be visible); 403 when it only sees it. */
    void requireManager(String owner, TenantContext caller) {
        requireWriter(caller);
        if (owner.equals(caller.tenantId())) {
            return;
        }
        boolean administers = visibleMutualisation(owner, caller).map(m -> m.isAdministeredBy(caller.tenantId())).orElse(false);
        if (!administers || !caller.hasRole(SHARED_SERVICE_ADMIN)) {
            throw new AccessDeniedException("Only the administrators of the mutualisation manage its data");
        }
    }

    /** REPORTING users (exports and streams) only read. */
    void requireWriter(TenantContext caller) {
        if (caller.roles().stream().noneMatch(WRITING_ROLES::contains)) {
            throw new AccessDeniedException("Your roles only allow reading");
        }
    }

    /** Whether the caller administers this mutualisation (its EPCI, with the SHARED_SERVICE_ADMIN role). */
    boolean administers(Mutualisation mutualisation, TenantContext caller) {
        return mutualisation.isAdministeredBy(caller.tenantId()) && caller.hasRole(SHARED_SERVICE_ADMIN);
    }
}

package fr.mutualis.budget.command;

import fr.mutualis.kit.error.NotFoundException;
import org.springframework.security.access.AccessDeniedException;

import java.util.Set;
import java.util.UUID;

/**
 * Who sends a command on existing budget data, as ARCHITECTURE.md §2 decides it: a tenant sees and manages its own
 * data; it sees the data of the mutualisations it belongs to or administers; it manages a mutualisation's data only
 * as the administering EPCI's SHARED_SERVICE_ADMIN.
 *
 * @param tenantId the active tenant (SIREN)
 * @param sees     owners (SIREN or mutualisation id) whose data the caller may read
 * @param manages  owners whose data the caller may change; a subset of {@code sees}
 */
public record Caller(String tenantId, Set<String> sees, Set<String> manages) {

    public Caller {
        sees = Set.copyOf(sees);
        manages = Set.copyOf(manages);
    }

    /** A caller that belongs to no mutualisation: its own data only. */
    public static Caller tenant(String siren) {
        return new Caller(siren, Set.of(siren), Set.of(siren));
    }

    /**
     * The owner whose data a write changes: the caller's tenant, or with {@code mutualisationId} that mutualisation,
     * which the caller must manage (403 for a member, 404 for anyone else).
     */
    public String managedOwner(UUID mutualisationId) {
        if (mutualisationId == null) {
            return tenantId;
        }
        String owner = mutualisationId.toString();
        requireManages(owner, "Mutualisation", mutualisationId);
        return owner;
    }

    /**
     * Data the caller cannot see answers exactly like an unknown id (404), and so does an id whose stream holds no
     * such resource ({@code ownerId} null); data it sees without managing it (a member reading its mutualisation's
     * line) is 403.
     */
    public void requireManages(String ownerId, String what, UUID id) {
        if (ownerId == null || !sees.contains(ownerId)) {
            throw new NotFoundException(what, id);
        }
        if (!manages.contains(ownerId)) {
            throw new AccessDeniedException("Only the administering EPCI's shared-service administrators change "
                    + "a mutualisation's data");
        }
    }
}

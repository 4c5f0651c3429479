package fr.mutualis.portfolio.command;

import fr.mutualis.kit.error.NotFoundException;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who acts and over which owners (a tenant's SIREN or a mutualisation id): resolved by the API from the token and the
 * mutualisation directory, checked by the aggregates against the owner they know.
 *
 * @param tenantId the acting tenant
 * @param manages  owners whose data the caller may change: its own tenant, and the mutualisations it administers
 * @param sees     owners whose data the caller may read: its own tenant, and the mutualisations it belongs to
 * @param parties  for each mutualisation the caller manages, the collectivités party to it (its members and its
 *                 administering EPCI): who may participate in its projects
 */
public record Actor(String tenantId, Set<String> manages, Set<String> sees, Map<String, Set<String>> parties) {

    public Actor {
        manages = Set.copyOf(manages);
        sees = Set.copyOf(sees);
        parties = Map.copyOf(parties);
    }

    public Actor(String tenantId, Set<String> manages, Set<String> sees) {
        this(tenantId, manages, sees, Map.of());
    }

    /** A tenant acting on its own data only, without any mutualisation. */
    public static Actor tenant(String tenantId) {
        return new Actor(tenantId, Set.of(tenantId), Set.of(tenantId));
    }

    /** The collectivités party to mutualisation {@code ownerId}; empty when the owner is a tenant. */
    Optional<Set<String>> partiesOf(String ownerId) {
        return Optional.ofNullable(parties.get(ownerId));
    }

    /**
     * Passes when the caller manages {@code ownerId}; data it cannot even see does not exist for it (404), data it
     * sees without managing it (a member of a mutualisation) is refused.
     */
    void checkManages(String ownerId, String what, Object id) {
        if (manages.contains(ownerId)) {
            return;
        }
        if (sees.contains(ownerId)) {
            throw new NotPermittedException(what + " " + id + " is managed by the administrators of its mutualisation");
        }
        throw new NotFoundException(what, id);
    }
}

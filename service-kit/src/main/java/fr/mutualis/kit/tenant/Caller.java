package fr.mutualis.kit.tenant;

import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.error.NotPermittedException;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who acts and over which owners, resolved once per request by {@link Callers} from the token and the mutualisation
 * directory (ARCHITECTURE.md §2), then checked by the domain against the owner it knows. One model for every service:
 * <ul>
 *   <li>a collectivité sees its own data and the data of the mutualisations it belongs to or administers;</li>
 *   <li>it manages its own data when one of its roles writes (REPORTING only reads);</li>
 *   <li>it manages a mutualisation's data only as its administering EPCI, with the SHARED_SERVICE_ADMIN role.</li>
 * </ul>
 * Data the caller cannot see does not exist for it (404); data it sees without managing it is refused (403).
 *
 * @param tenant  the acting collectivité
 * @param roles   the token's roles
 * @param sees    owners whose data the caller may read
 * @param manages owners whose data the caller may change; a subset of {@code sees}
 * @param parties for each mutualisation the caller manages, the SIRENs party to it (its members and its EPCI)
 */
public record Caller(Owner tenant, Set<String> roles, Set<Owner> sees, Set<Owner> manages,
                     Map<Owner, Set<String>> parties) {

    public static final String SHARED_SERVICE_ADMIN = "SHARED_SERVICE_ADMIN";
    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
    /** Reporting jobs read and export; they change nothing. */
    public static final String REPORTING = "REPORTING";

    public Caller {
        roles = Set.copyOf(roles);
        sees = Set.copyOf(sees);
        manages = Set.copyOf(manages);
        parties = Map.copyOf(parties);
    }

    /** A collectivité acting on its own data only, belonging to no mutualisation (tests, internal calls). */
    public static Caller tenant(String siren, String... roles) {
        Owner own = Owner.tenant(siren);
        Set<String> granted = roles.length == 0 ? Set.of("AGENT") : Set.of(roles);
        boolean writes = granted.stream().anyMatch(role -> !role.equals(REPORTING));
        return new Caller(own, granted, Set.of(own), writes ? Set.of(own) : Set.of(), Map.of());
    }

    public String tenantId() {
        return tenant.id();
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean sees(Owner owner) {
        return owner != null && sees.contains(owner);
    }

    public boolean manages(Owner owner) {
        return owner != null && manages.contains(owner);
    }

    /** Whether one of the caller's roles changes data (every role but REPORTING). */
    public boolean writes() {
        return roles.stream().anyMatch(role -> !role.equals(REPORTING));
    }

    /** The SIRENs party to a mutualisation the caller manages; empty when {@code owner} is a collectivité. */
    public Optional<Set<String>> partiesOf(Owner owner) {
        return Optional.ofNullable(parties.get(owner));
    }

    /**
     * The owner a read covers: the caller's collectivité, or with {@code mutualisationId} that mutualisation, which
     * the caller must see (else 404, as an unknown one).
     */
    public Owner visibleOwner(UUID mutualisationId) {
        if (mutualisationId == null) {
            return tenant;
        }
        Owner owner = Owner.mutualisation(mutualisationId);
        if (!sees(owner)) {
            throw new NotFoundException("Mutualisation", mutualisationId);
        }
        return owner;
    }

    /**
     * The owner a write changes: the caller's collectivité, or with {@code mutualisationId} that mutualisation, which
     * the caller must manage (403 for a member, 404 for anyone else).
     */
    public Owner managedOwner(UUID mutualisationId) {
        Owner owner = mutualisationId == null ? tenant : Owner.mutualisation(mutualisationId);
        requireManages(owner, "Mutualisation", mutualisationId);
        return owner;
    }

    /** Passes when the caller sees {@code owner}; else 404, exactly like an unknown id (or a stream without it). */
    public void requireSees(Owner owner, String what, Object id) {
        if (!sees(owner)) {
            throw new NotFoundException(what, id);
        }
    }

    /**
     * Passes when the caller manages {@code owner}. Data it cannot see, or an id whose stream holds no such
     * resource ({@code owner} null), answers 404; data it sees without managing it answers 403.
     */
    public void requireManages(Owner owner, String what, Object id) {
        requireSees(owner, what, id);
        if (!manages(owner)) {
            throw new NotPermittedException(owner.isMutualisation()
                    ? "Only the administering EPCI's shared-service administrators change a mutualisation's data"
                    : "Your roles only allow reading");
        }
    }

    /** Passes when one of the caller's roles writes (403 for a reporting job). */
    public void requireWriter() {
        if (!writes()) {
            throw new NotPermittedException("Your roles only allow reading");
        }
    }
}

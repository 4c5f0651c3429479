package fr.mutualis.kit.tenant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Whose data it is (ARCHITECTURE.md §2): a collectivité, named by its SIREN, or a mutualisation, named by its id.
 * It serializes as that bare string, so events, rows and API bodies written when owners were plain strings read
 * the same.
 *
 * @param id the SIREN (nine digits) or the mutualisation's UUID
 */
public record Owner(String id) {

    public Owner {
        Objects.requireNonNull(id, "owner id");
    }

    /** The owner named by {@code id}, whichever kind it is. */
    @JsonCreator
    public static Owner of(String id) {
        return new Owner(id);
    }

    /** The collectivité with this SIREN. */
    public static Owner tenant(String siren) {
        return new Owner(siren);
    }

    public static Owner mutualisation(UUID id) {
        return new Owner(id.toString());
    }

    /** The mutualisation's id when this owner is one; empty for a collectivité. */
    public Optional<UUID> mutualisationId() {
        if (id.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean isMutualisation() {
        return mutualisationId().isPresent();
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}

package fr.mutualis.governance.messages;

import java.util.Optional;

/**
 * What the aggregates may ask of the directory of collectivités when a rule spans several of them (e.g. the
 * members of a mutualisation must belong to its EPCI). Implemented on the read model.
 */
public interface CollectiviteDirectory {

    Optional<Entry> find(String siren);

    record Entry(String siren, CollectiviteKind kind, String epciSiren) {
    }
}

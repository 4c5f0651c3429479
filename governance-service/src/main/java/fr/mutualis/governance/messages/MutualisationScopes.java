package fr.mutualis.governance.messages;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The mutualisations an instance may be scoped to: who administers each one and who belongs to it. */
public interface MutualisationScopes {

    Optional<Scope> find(UUID mutualisationId);

    record Scope(UUID mutualisationId, String epciSiren, Set<String> memberSirens) {
    }
}

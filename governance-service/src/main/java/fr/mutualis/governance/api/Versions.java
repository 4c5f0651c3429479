package fr.mutualis.governance.api;

import java.util.Map;

/** The answers carrying the new version of an aggregate. */
final class Versions {

    static Map<String, Object> versioned(String idName, Object id, long version) {
        return Map.of(idName, id, "version", version);
    }

    private Versions() {
    }
}

package fr.mutualis.governance.api;

import fr.mutualis.kit.error.InvalidInputException;

import java.util.Map;

/** {@code If-Match} and the answers carrying the new version of an aggregate. */
final class Versions {

    /** The version an {@code If-Match} header expects, or null without the header (last writer wins). */
    static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "If-Match must be an ETag of this resource, e.g. \"3\"");
        }
    }

    static Map<String, Object> versioned(String idName, Object id, long version) {
        return Map.of(idName, id, "version", version);
    }

    private Versions() {
    }
}

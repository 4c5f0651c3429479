package fr.mutualis.evaluation.api;

import fr.mutualis.kit.error.InvalidInputException;

/** {@code If-Match}: the version a write expects (409 when the resource moved on), as given by an {@code ETag}. */
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

    private Versions() {
    }
}

package fr.mutualis.kit.api;

import fr.mutualis.kit.error.InvalidInputException;

/**
 * The {@code If-Match} precondition of a write: the aggregate version a client read ({@code ETag}) and requires
 * unchanged (409 when the resource moved on). A weak or quoted tag is accepted.
 */
public final class IfMatch {

    private IfMatch() {
    }

    /** The expected version, or null without a precondition (no header or {@code *}: last writer wins). */
    public static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "If-Match must be an ETag of this resource, e.g. \"3\"");
        }
    }
}

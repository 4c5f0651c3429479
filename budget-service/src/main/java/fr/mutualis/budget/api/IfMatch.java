package fr.mutualis.budget.api;

import fr.mutualis.kit.error.InvalidInputException;

/** Reads the aggregate version a write is based on from {@code If-Match} (the ETag of a read: {@code "3"}). */
final class IfMatch {

    static Long version(String header) {
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
            throw new InvalidInputException("If-Match", "If-Match must be the ETag of a read, e.g. \"3\"");
        }
    }

    private IfMatch() {
    }
}

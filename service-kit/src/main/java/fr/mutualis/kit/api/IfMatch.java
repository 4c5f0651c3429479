package fr.mutualis.kit.api;

import fr.mutualis.kit.error.InvalidInputException;
import fr.mutualis.kit.error.PreconditionFailedException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code If-Match} precondition of a write: the aggregate version a client read ({@code ETag}) and requires
 * unchanged (409 when the resource moved on).
 * <p>
 * Our ETags are strong, and RFC 9110 §13.1.1 compares If-Match strongly: a weak tag {@code W/"3"} never matches,
 * so it answers 412 instead of being taken as version 3. Only ASCII digits make a version: {@link Long#parseLong}
 * alone would read full-width or Arabic-Indic digits as a number.
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";

    // A bare number is still read as the tag it obviously means, as before.
    private static final Pattern STRONG_TAG = Pattern.compile("\"([0-9]{1,18})\"|([0-9]{1,18})");
    private static final Pattern WEAK_TAG = Pattern.compile("W/\"[^\"]*\"");

    private IfMatch() {
    }

    /** The expected version, or null without a precondition (no header or {@code *}: last writer wins). */
    public static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (WEAK_TAG.matcher(tag).matches()) {
            throw new PreconditionFailedException(HEADER, "If-Match compares entity tags strongly and this resource's "
                    + "ETag is strong: send it as given, e.g. \"3\", not a weak W/\"3\"");
        }
        Matcher strong = STRONG_TAG.matcher(tag);
        if (!strong.matches()) {
            throw new InvalidInputException(HEADER, "If-Match must be an ETag of this resource, e.g. \"3\"");
        }
        return Long.parseLong(strong.group(1) != null ? strong.group(1) : strong.group(2));
    }
}

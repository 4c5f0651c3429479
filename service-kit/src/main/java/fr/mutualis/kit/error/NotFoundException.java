package fr.mutualis.kit.error;

/**
 * Unknown, or not visible to the caller's tenant: both answer 404 so that existence does not leak. {@code field}, when
 * the id came from one field of the request (a reference to another object), names that field as a 400 would.
 */
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String what, Object id) {
        this(what, id, null, null);
    }

    /** @param why appended to the detail when not null: what the service did before giving up */
    public NotFoundException(String what, Object id, String field, String why) {
        super(what + " " + id + " not found" + (why == null ? "" : ": " + why));
        this.field = field;
    }

    /** The request field holding the unknown id, or null when the id is the resource addressed by the path. */
    public String field() {
        return field;
    }
}

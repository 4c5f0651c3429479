package fr.mutualis.kit.error;

/** A request precondition (a header such as {@code If-Match}) that can never hold for this resource (412). */
public class PreconditionFailedException extends RuntimeException {

    private final String field;

    public PreconditionFailedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

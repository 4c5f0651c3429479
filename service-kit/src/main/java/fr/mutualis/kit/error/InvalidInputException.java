package fr.mutualis.kit.error;

/** Input that is well-formed JSON but invalid in a way bean validation cannot express (400), naming the field. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

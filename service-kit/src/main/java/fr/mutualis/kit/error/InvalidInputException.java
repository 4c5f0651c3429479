package fr.mutualis.kit.error;

import java.util.Map;

/**
 * Input that is well-formed JSON but invalid in a way bean validation cannot express (400), naming the field. With a
 * {@code key}, the refusal has words in French too: the service's {@code invalid.<key>} sentence, whose
 * {@code {name}}s are the {@code values}.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String key;
    private final Map<String, Object> values;

    public InvalidInputException(String field, String message) {
        this(field, message, null, Map.of());
    }

    public InvalidInputException(String field, String message, String key) {
        this(field, message, key, Map.of());
    }

    public InvalidInputException(String field, String message, String key, Map<String, ?> values) {
        super(message);
        this.field = field;
        this.key = key;
        this.values = Map.copyOf(values);
    }

    public String field() {
        return field;
    }

    /** The refusal's kind among the service's invalid inputs, or null: its words are English only. */
    public String key() {
        return key;
    }

    public Map<String, Object> values() {
        return values;
    }
}

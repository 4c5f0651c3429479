package fr.mutualis.kit.error;

/**
 * The aggregate's current state forbids the command (409); the message names that state. With a {@code key}, the
 * refusal has words in French too: the service's {@code state.<key>} sentence.
 */
public class StateConflictException extends RuntimeException {

    private final String currentState;
    private final String key;

    public StateConflictException(String message, String currentState) {
        this(message, currentState, null);
    }

    public StateConflictException(String message, String currentState, String key) {
        super(message);
        this.currentState = currentState;
        this.key = key;
    }

    public String currentState() {
        return currentState;
    }

    /** The refusal's kind among the service's state conflicts, or null: its words are English only. */
    public String key() {
        return key;
    }
}

package fr.mutualis.kit.error;

/** The aggregate's current state forbids the command (409); the message names that state. */
public class StateConflictException extends RuntimeException {

    private final String currentState;

    public StateConflictException(String message, String currentState) {
        super(message);
        this.currentState = currentState;
    }

    public String currentState() {
        return currentState;
    }
}

package fr.mutualis.kit.integration;

/** A record that can never be processed (unreadable envelope): sent to the dead-letter topic without retries. */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}

package fr.mutualis.localstack;

/** The local stack could not start, or an app could not be (re)started. */
public class LocalStackException extends RuntimeException {

    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}

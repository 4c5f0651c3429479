package fr.mutualis.localstack.demo;

/** A demo call failed: the message names the call and carries the status and problem body. */
public class DemoLoadException extends RuntimeException {

    public DemoLoadException(String message) {
        super(message);
    }

    public DemoLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}

package fr.mutualis.portfolio.command;

/** The caller sees the data (as a member of its mutualisation) but may not change it. */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String message) {
        super(message);
    }
}

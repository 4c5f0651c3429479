package fr.mutualis.kit.error;

/**
 * The caller sees the data but may not change it (a member of a mutualisation, a read-only role): 403. Raised by the
 * domain and by the kit's {@link fr.mutualis.kit.tenant.Caller}, mapped by the web layer, so that the domain needs
 * no web or security type.
 */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String message) {
        super(message);
    }
}

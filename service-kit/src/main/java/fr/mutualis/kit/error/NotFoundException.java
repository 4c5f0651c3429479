package fr.mutualis.kit.error;

/** Unknown, or not visible to the caller's tenant: both answer 404 so that existence does not leak. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}

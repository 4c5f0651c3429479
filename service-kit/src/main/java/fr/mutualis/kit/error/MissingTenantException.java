package fr.mutualis.kit.error;

/** The request needs an active tenant and none could be derived from the token and X-Tenant-Id. */
public class MissingTenantException extends RuntimeException {

    public MissingTenantException(String message) {
        super(message);
    }
}

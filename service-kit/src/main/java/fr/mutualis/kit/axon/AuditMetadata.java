package fr.mutualis.kit.axon;

/** Metadata keys that make every event attributable (ARCHITECTURE.md §7). */
public final class AuditMetadata {

    public static final String TENANT_ID = "tenantId";
    public static final String USER_ID = "userId";
    public static final String USER_NAME = "userName";
    /** Same key as Axon's MessageOriginProvider, so that Axon keeps it across command → event → command. */
    public static final String CORRELATION_ID = "correlationId";

    /**
     * SHA-256 of the body of the request that created an aggregate with an {@code Idempotency-Key}, kept on its first
     * event so that a replay of the key can be told from another request (see kit.creation.Creations). Also the name
     * of the request attribute that carries it to the commands.
     */
    public static final String REQUEST_FINGERPRINT = "requestFingerprint";

    static final String[] KEYS = {TENANT_ID, USER_ID, USER_NAME, CORRELATION_ID, REQUEST_FINGERPRINT};

    private AuditMetadata() {
    }
}

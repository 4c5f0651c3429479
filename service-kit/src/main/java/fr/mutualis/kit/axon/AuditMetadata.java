package fr.mutualis.kit.axon;

/** Metadata keys that make every event attributable (ARCHITECTURE.md §7). */
public final class AuditMetadata {

    public static final String TENANT_ID = "tenantId";
    public static final String USER_ID = "userId";
    public static final String USER_NAME = "userName";
    /** Same key as Axon's MessageOriginProvider, so that Axon keeps it across command → event → command. */
    public static final String CORRELATION_ID = "correlationId";

    static final String[] KEYS = {TENANT_ID, USER_ID, USER_NAME, CORRELATION_ID};

    private AuditMetadata() {
    }
}

package fr.mutualis.contracts;

/** Kafka record headers repeating envelope fields, so that routing and filtering need no JSON parsing. */
public final class EventHeaders {

    public static final String TENANT_ID = "mutualis-tenant-id";
    public static final String EVENT_TYPE = "mutualis-event-type";
    public static final String EVENT_VERSION = "mutualis-event-version";
    public static final String CORRELATION_ID = "mutualis-correlation-id";

    private EventHeaders() {
    }
}

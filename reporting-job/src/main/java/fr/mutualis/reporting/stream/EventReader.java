package fr.mutualis.reporting.stream;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.IntegrationEvents;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * Reads a record of an event topic: its envelope, and its payload bound to the contract record of its type and
 * version. An event of a type or version this job does not know (published by a newer platform) is skipped, not
 * dead-lettered: consumers must tolerate additions.
 */
public final class EventReader {

    private final JsonMapper json;

    public EventReader(JsonMapper json) {
        this.json = json;
    }

    /** What a record turned out to be: an event to apply, one to skip, or one that cannot be read. */
    public record Read(EventEnvelope envelope, Record payload, String raw, String error) {

        public boolean unreadable() {
            return error != null;
        }

        public boolean usable() {
            return payload != null;
        }
    }

    public Read read(String raw) {
        if (raw == null) {
            return new Read(null, null, null, "empty record");
        }
        try {
            EventEnvelope envelope = json.readValue(raw, EventEnvelope.class);
            if (envelope.eventId() == null || envelope.type() == null || envelope.tenantId() == null
                    || envelope.occurredAt() == null || envelope.payload() == null || !envelope.payload().isObject()) {
                return new Read(null, null, raw, "envelope without eventId, type, occurredAt, tenantId or payload");
            }
            Optional<Class<? extends Record>> type = IntegrationEvents.payloadType(envelope.type(), envelope.version());
            return type.map(payloadType -> new Read(envelope, payload(envelope, payloadType), raw, null))
                    .orElseGet(() -> new Read(envelope, null, raw, null));
        } catch (JacksonException | IllegalArgumentException e) {
            return new Read(null, null, raw, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Record payload(EventEnvelope envelope, Class<? extends Record> type) {
        return json.treeToValue(envelope.payload(), type);
    }
}

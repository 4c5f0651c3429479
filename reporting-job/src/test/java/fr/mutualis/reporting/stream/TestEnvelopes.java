package fr.mutualis.reporting.stream;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.IntegrationEvent;
import fr.mutualis.contracts.IntegrationEvents;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Events enveloped as a service publishes them: keyed by aggregate, the aggregate's next sequence, a new event id. */
final class TestEnvelopes {

    private final JsonMapper json;
    private final Map<String, Long> sequences = new HashMap<>();

    TestEnvelopes(JsonMapper json) {
        this.json = json;
    }

    /** The record's value; its key is {@code aggregate}'s text and its topic {@link #topicOf(Record)}'s. */
    String envelope(String tenant, Object aggregate, String occurredAt, Record payload) {
        String aggregateId = aggregate.toString();
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        IntegrationEvent described = IntegrationEvents.describe(payload.getClass());
        return json.writeValueAsString(new EventEnvelope(UUID.randomUUID(), described.type(), described.version(),
                Instant.parse(occurredAt), tenant, aggregateId, sequence, null, json.valueToTree(payload)));
    }

    static String topicOf(Record payload) {
        String type = IntegrationEvents.describe(payload.getClass()).type();
        return "mutualis." + type.substring(0, type.indexOf('.')) + ".events";
    }
}

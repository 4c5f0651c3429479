package fr.mutualis.contracts;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The value of every record on a {@code mutualis.*.events} topic.
 *
 * @param eventId       unique and stable: a redelivered event keeps its id, so consumers deduplicate on it
 * @param type          see {@link IntegrationEvent#type()}
 * @param version       see {@link IntegrationEvent#version()}
 * @param occurredAt    when the domain event was recorded
 * @param tenantId      owning tenant (a SIREN) or mutualisation id
 * @param aggregateId   also the record key: per-aggregate order is kept
 * @param sequence      position of the event in its aggregate's stream, for order-tolerant consumers
 * @param correlationId the request that caused it, for tracing across services
 * @param payload       the event record, as JSON
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String tenantId,
        String aggregateId,
        long sequence,
        String correlationId,
        JsonNode payload) {
}

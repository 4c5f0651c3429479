package fr.mutualis.kit.axon;

import java.time.Instant;

/**
 * One event of an aggregate's audit trail with who caused it, as its {@link AuditMetadata} recorded.
 *
 * @param sequence      the event's position in its aggregate's stream, from 0
 * @param type          the event's simple class name
 * @param userId        the token subject, or what a consumer that sent the command named
 * @param tenantId      the tenant the write was made for
 * @param correlationId the request (or integration event) that caused it
 * @param payload       the event itself
 */
public record AuditedEvent(long sequence, String type, Instant occurredAt, String userId, String userName,
                           String tenantId, String correlationId, Object payload) {
}

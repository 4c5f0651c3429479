package fr.mutualis.portfolio.query;

import java.time.Instant;

/**
 * One event of an aggregate's audit trail, with who caused it (from the event's metadata): {@code userId} is the
 * token subject, or {@code governance} for what a governance decision did.
 */
public record HistoryEntry(long sequence, String type, Instant occurredAt, String userId, String userName,
                           String tenantId, String correlationId, Object event) {
}

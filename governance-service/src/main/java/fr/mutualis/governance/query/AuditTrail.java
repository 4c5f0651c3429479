package fr.mutualis.governance.query;

import fr.mutualis.kit.axon.AuditMetadata;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who did what, and when, to an aggregate: read from the event store itself, whose metadata records the user,
 * the tenant and the correlation id of every write.
 */
@Component
public class AuditTrail {

    private final EventStore events;

    public AuditTrail(EventStore events) {
        this.events = events;
    }

    /** Every event of the aggregate, oldest first; the caller has checked that the aggregate is visible. */
    public List<Entry> of(String aggregateId) {
        return events.readEvents(aggregateId).asStream()
                .map(event -> new Entry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                        event.getTimestamp(), text(event.getMetaData().get(AuditMetadata.USER_ID)),
                        text(event.getMetaData().get(AuditMetadata.USER_NAME)),
                        text(event.getMetaData().get(AuditMetadata.TENANT_ID)),
                        text(event.getMetaData().get(AuditMetadata.CORRELATION_ID))))
                .toList();
    }

    private static String text(Object value) {
        return Objects.toString(value, null);
    }

    public record Entry(long sequence, String event, Instant occurredAt, String userId, String userName,
                        String tenantId, String correlationId) {
    }
}

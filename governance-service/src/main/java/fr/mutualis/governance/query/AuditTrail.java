package fr.mutualis.governance.query;

import fr.mutualis.kit.axon.EventStoreAuditTrail;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** The audit trail of an aggregate (the kit's, from the event store) in the governance API's shape, without payloads. */
@Component
public class AuditTrail {

    private final EventStoreAuditTrail trail;

    public AuditTrail(EventStoreAuditTrail trail) {
        this.trail = trail;
    }

    /** Every event of the aggregate, oldest first; the caller has checked that the aggregate is visible. */
    public List<Entry> of(String aggregateId) {
        return trail.of(aggregateId).stream().map(event -> new Entry(event.sequence(), event.type(),
                event.occurredAt(), event.userId(), event.userName(), event.tenantId(), event.correlationId())).toList();
    }

    public record Entry(long sequence, String event, Instant occurredAt, String userId, String userName,
                        String tenantId, String correlationId) {
    }
}

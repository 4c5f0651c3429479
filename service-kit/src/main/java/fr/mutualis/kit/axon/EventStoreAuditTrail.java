package fr.mutualis.kit.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who did what, and when, to an aggregate: read from the event store itself (not a projection), the full and immutable
 * record of every change with the audit metadata stamped on it. Each service shows it in its API's own shape.
 */
public class EventStoreAuditTrail {

    private final EventStore events;

    public EventStoreAuditTrail(EventStore events) {
        this.events = events;
    }

    /** Every event of the aggregate, oldest first; the caller has checked that the aggregate is visible. */
    public List<AuditedEvent> of(String aggregateId) {
        return events.readEvents(aggregateId).asStream().map(EventStoreAuditTrail::audited).toList();
    }

    /**
     * The trail of an aggregate created by a {@code creation} event that {@code visible} accepts (its owner is one the
     * caller sees); empty when there is no such aggregate, when it is of another kind, or when it is not visible.
     */
    public <T> Optional<List<AuditedEvent>> of(String aggregateId, Class<T> creation, Predicate<? super T> visible) {
        List<AuditedEvent> trail = of(aggregateId);
        if (trail.isEmpty() || !creation.isInstance(trail.getFirst().payload())
                || !visible.test(creation.cast(trail.getFirst().payload()))) {
            return Optional.empty();
        }
        return Optional.of(trail);
    }

    private static AuditedEvent audited(DomainEventMessage<?> message) {
        MetaData metaData = message.getMetaData();
        return new AuditedEvent(message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                message.getTimestamp(), text(metaData, AuditMetadata.USER_ID), text(metaData, AuditMetadata.USER_NAME),
                text(metaData, AuditMetadata.TENANT_ID), text(metaData, AuditMetadata.CORRELATION_ID),
                message.getPayload());
    }

    private static String text(MetaData metaData, String key) {
        return Objects.toString(metaData.get(key), null);
    }
}

package fr.mutualis.portfolio.query;

import fr.mutualis.kit.axon.AuditMetadata;
import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.portfolio.messages.ProjectProposed;
import fr.mutualis.portfolio.messages.RoadmapDrafted;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The audit trail of a project or roadmap, read from the event store itself (not a projection): the full, immutable
 * record of every change with its metadata. Visible to the same callers as the aggregate.
 */
@Component
public class AuditTrail {

    private final EventStore events;

    public AuditTrail(EventStore events) {
        this.events = events;
    }

    public Optional<List<HistoryEntry>> ofProject(UUID projectId, Collection<Owner> owners) {
        return of(projectId, ProjectProposed.class, ProjectProposed::ownerId, owners);
    }

    public Optional<List<HistoryEntry>> ofRoadmap(UUID roadmapId, Collection<Owner> owners) {
        return of(roadmapId, RoadmapDrafted.class, RoadmapDrafted::ownerId, owners);
    }

    private <T> Optional<List<HistoryEntry>> of(UUID id, Class<T> creation, Function<T, Owner> owner,
                                                Collection<Owner> owners) {
        List<? extends DomainEventMessage<?>> stream = events.readEvents(id.toString()).asStream().toList();
        if (stream.isEmpty() || !creation.isInstance(stream.getFirst().getPayload())
                || !owners.contains(owner.apply(creation.cast(stream.getFirst().getPayload())))) {
            return Optional.empty();
        }
        return Optional.of(stream.stream().map(AuditTrail::entry).toList());
    }

    private static HistoryEntry entry(DomainEventMessage<?> message) {
        MetaData metaData = message.getMetaData();
        return new HistoryEntry(message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                message.getTimestamp(), text(metaData, AuditMetadata.USER_ID), text(metaData, AuditMetadata.USER_NAME),
                text(metaData, AuditMetadata.TENANT_ID), text(metaData, AuditMetadata.CORRELATION_ID),
                message.getPayload());
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}

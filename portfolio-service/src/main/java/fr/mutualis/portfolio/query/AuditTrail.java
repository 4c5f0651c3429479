package fr.mutualis.portfolio.query;

import fr.mutualis.kit.axon.AuditedEvent;
import fr.mutualis.kit.axon.EventStoreAuditTrail;
import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.portfolio.messages.ProjectProposed;
import fr.mutualis.portfolio.messages.RoadmapDrafted;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit trail of a project or roadmap (the kit's, from the event store) in the portfolio API's shape, with each
 * event's payload. Visible to the same callers as the aggregate: its creation event names its owner.
 */
@Component
public class AuditTrail {

    private final EventStoreAuditTrail trail;

    public AuditTrail(EventStoreAuditTrail trail) {
        this.trail = trail;
    }

    public Optional<List<HistoryEntry>> ofProject(UUID projectId, Collection<Owner> owners) {
        return trail.of(projectId.toString(), ProjectProposed.class, created -> owners.contains(created.ownerId()))
                .map(AuditTrail::entries);
    }

    public Optional<List<HistoryEntry>> ofRoadmap(UUID roadmapId, Collection<Owner> owners) {
        return trail.of(roadmapId.toString(), RoadmapDrafted.class, created -> owners.contains(created.ownerId()))
                .map(AuditTrail::entries);
    }

    private static List<HistoryEntry> entries(List<AuditedEvent> events) {
        return events.stream().map(event -> new HistoryEntry(event.sequence(), event.type(), event.occurredAt(),
                event.userId(), event.userName(), event.tenantId(), event.correlationId(), event.payload())).toList();
    }
}

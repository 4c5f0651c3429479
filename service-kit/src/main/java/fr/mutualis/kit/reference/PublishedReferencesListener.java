package fr.mutualis.kit.reference;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.budget.BudgetLineOpened;
import fr.mutualis.contracts.governance.DecisionPublished;
import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.contracts.portfolio.RoadmapDrafted;
import fr.mutualis.kit.integration.IntegrationEventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Keeps {@link PublishedReferences} from the topics a service lists in {@code mutualis.references.topics}, once per
 * event (the inbox records its id in the same transaction). Only the events that create an object say anything:
 * its kind and owner never change afterwards, so any arrival order of other events gives the same table.
 */
public class PublishedReferencesListener {

    private final IntegrationEventInbox inbox;
    private final PublishedReferences references;

    public PublishedReferencesListener(IntegrationEventInbox inbox, PublishedReferences references) {
        this.inbox = inbox;
        this.references = references;
    }

    @KafkaListener(id = "${spring.application.name}-published-references",
            topics = "#{'${mutualis.references.topics}'.split(',')}")
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, this::apply);
    }

    void apply(EventEnvelope envelope) {
        switch (envelope.type()) {
            case "portfolio.RoadmapDrafted" -> {
                RoadmapDrafted drafted = inbox.payload(envelope, RoadmapDrafted.class);
                references.record(ReferenceKind.ROADMAP, drafted.roadmapId(), drafted.ownerId());
            }
            case "portfolio.ProjectProposed" -> {
                ProjectProposed proposed = inbox.payload(envelope, ProjectProposed.class);
                references.record(ReferenceKind.PROJECT, proposed.projectId(), proposed.ownerId());
            }
            case "budget.BudgetLineOpened" -> {
                BudgetLineOpened opened = inbox.payload(envelope, BudgetLineOpened.class);
                references.record(ReferenceKind.BUDGET_LINE, opened.lineId(), opened.ownerId());
            }
            case "governance.DecisionPublished" -> {
                DecisionPublished published = inbox.payload(envelope, DecisionPublished.class);
                references.record(ReferenceKind.DECISION, published.decisionId(), published.ownerId());
            }
            default -> {
                // Other events change objects already known, or name nothing a write refers to.
            }
        }
    }
}

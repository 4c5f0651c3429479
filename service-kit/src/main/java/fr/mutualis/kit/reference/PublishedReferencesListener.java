package fr.mutualis.kit.reference;

import fr.mutualis.contracts.budget.BudgetLineOpened;
import fr.mutualis.contracts.governance.DecisionPublished;
import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.contracts.portfolio.RoadmapDrafted;
import fr.mutualis.contracts.portfolio.ScenarioDefined;
import fr.mutualis.kit.integration.IntegrationEventHandlers;
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
    private final IntegrationEventHandlers handlers;

    public PublishedReferencesListener(IntegrationEventInbox inbox, PublishedReferences references) {
        this.inbox = inbox;
        this.handlers = IntegrationEventHandlers.create()
                .on(RoadmapDrafted.class, drafted ->
                        references.record(ReferenceKind.ROADMAP, drafted.roadmapId(), drafted.ownerId()))
                .on(ProjectProposed.class, proposed ->
                        references.record(ReferenceKind.PROJECT, proposed.projectId(), proposed.ownerId()))
                .on(ScenarioDefined.class, defined ->
                        references.record(ReferenceKind.SCENARIO, defined.scenarioId(), defined.ownerId()))
                .on(BudgetLineOpened.class, opened ->
                        references.record(ReferenceKind.BUDGET_LINE, opened.lineId(), opened.ownerId()))
                .on(DecisionPublished.class, published ->
                        references.record(ReferenceKind.DECISION, published.decisionId(), published.ownerId()));
    }

    @KafkaListener(id = "${spring.application.name}-published-references",
            topics = "#{'${mutualis.references.topics}'.split(',')}")
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, handlers);
    }
}

package fr.mutualis.budget.integration;

import fr.mutualis.budget.query.GovernanceDirectory;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.governance.DecisionPublished;
import fr.mutualis.contracts.governance.MutualisationCreated;
import fr.mutualis.kit.integration.IntegrationEventHandlers;
import fr.mutualis.kit.integration.IntegrationEventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the budget's copy of governance from {@code mutualis.governance.events}, once per event (the inbox records
 * the event id in the same transaction): convention shares and approved budget arbitrations.
 */
@Component
public class GovernanceEventsListener {

    private final IntegrationEventInbox inbox;
    private final IntegrationEventHandlers handlers;

    public GovernanceEventsListener(IntegrationEventInbox inbox, GovernanceDirectory directory) {
        this.inbox = inbox;
        // Collectivités are kept by the kit's directory; other governance events say nothing the budget uses.
        this.handlers = IntegrationEventHandlers.create()
                .on(MutualisationCreated.class, directory::record)
                .on(DecisionPublished.class, directory::record);
    }

    @KafkaListener(id = "budget-governance-events", topics = Topics.GOVERNANCE)
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, handlers);
    }
}

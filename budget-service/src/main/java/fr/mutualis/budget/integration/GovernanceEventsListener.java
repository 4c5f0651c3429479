package fr.mutualis.budget.integration;

import fr.mutualis.budget.query.GovernanceDirectory;
import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.governance.DecisionPublished;
import fr.mutualis.contracts.governance.MutualisationCreated;
import fr.mutualis.kit.integration.IntegrationEventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the budget's copy of governance from {@code mutualis.governance.events}, once per event (the inbox records
 * the event id in the same transaction): populations, convention shares, and approved budget arbitrations.
 */
@Component
public class GovernanceEventsListener {

    private final IntegrationEventInbox inbox;
    private final GovernanceDirectory directory;

    public GovernanceEventsListener(IntegrationEventInbox inbox, GovernanceDirectory directory) {
        this.inbox = inbox;
        this.directory = directory;
    }

    @KafkaListener(id = "budget-governance-events", topics = Topics.GOVERNANCE)
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, this::apply);
    }

    private void apply(EventEnvelope envelope) {
        switch (envelope.type()) {
            case "governance.MutualisationCreated" -> directory.record(inbox.payload(envelope, MutualisationCreated.class));
            case "governance.DecisionPublished" -> directory.record(inbox.payload(envelope, DecisionPublished.class));
            default -> {
                // Collectivités are kept by service-kit's directory; other governance events say nothing the budget uses.
            }
        }
    }
}

package fr.mutualis.evaluation.integration;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.budget.BudgetLineOpened;
import fr.mutualis.contracts.budget.CreditsVoted;
import fr.mutualis.contracts.budget.EngagementRecorded;
import fr.mutualis.contracts.budget.MandateRecorded;
import fr.mutualis.evaluation.query.BudgetActivityProjection;
import fr.mutualis.kit.integration.IntegrationEventInbox;
import fr.mutualis.kit.integration.PoisonRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds evaluation's copy of the budget from {@code mutualis.budget.events}, once per event. */
@Component
public class BudgetEventsListener {

    public static final String ID = "evaluation-budget-events";

    private final IntegrationEventInbox inbox;
    private final BudgetActivityProjection projection;

    public BudgetEventsListener(IntegrationEventInbox inbox, BudgetActivityProjection projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    @KafkaListener(id = ID, topics = Topics.BUDGET)
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, this::apply);
    }

    private void apply(EventEnvelope envelope) {
        switch (envelope.type()) {
            case "budget.BudgetLineOpened" -> projection.lineOpened(inbox.payload(envelope, BudgetLineOpened.class));
            case "budget.CreditsVoted" -> {
                if (envelope.occurredAt() == null) {
                    throw new PoisonRecordException("CreditsVoted " + envelope.eventId() + " has no occurredAt to order votes by", null);
                }
                projection.creditsVoted(inbox.payload(envelope, CreditsVoted.class), envelope.occurredAt(), envelope.sequence());
            }
            case "budget.EngagementRecorded" -> projection.engagementRecorded(inbox.payload(envelope, EngagementRecorded.class));
            case "budget.MandateRecorded" -> projection.mandateRecorded(inbox.payload(envelope, MandateRecorded.class));
            default -> {
                // Event types evaluation does not use are acknowledged and skipped.
            }
        }
    }
}

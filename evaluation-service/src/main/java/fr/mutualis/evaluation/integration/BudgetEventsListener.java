package fr.mutualis.evaluation.integration;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.budget.BudgetLineOpened;
import fr.mutualis.contracts.budget.CreditsVoted;
import fr.mutualis.contracts.budget.LineCreditsTransferred;
import fr.mutualis.contracts.budget.EngagementRecorded;
import fr.mutualis.contracts.budget.MandateRecorded;
import fr.mutualis.evaluation.query.BudgetActivityProjection;
import fr.mutualis.kit.integration.IntegrationEventHandlers;
import fr.mutualis.kit.integration.IntegrationEventInbox;
import fr.mutualis.kit.integration.PoisonRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Feeds evaluation's copy of the budget from {@code mutualis.budget.events}, once per event. */
@Component
public class BudgetEventsListener {

    public static final String ID = "evaluation-budget-events";

    private final IntegrationEventInbox inbox;
    private final IntegrationEventHandlers handlers;

    public BudgetEventsListener(IntegrationEventInbox inbox, BudgetActivityProjection projection) {
        this.inbox = inbox;
        // Event types evaluation does not use are acknowledged and skipped by the inbox.
        this.handlers = IntegrationEventHandlers.create()
                .on(BudgetLineOpened.class, projection::lineOpened)
                .on(CreditsVoted.class, (voted, envelope) -> projection.creditsSet(voted.lineId(), voted.ownerId(),
                        voted.fiscalYear(), voted.section(), voted.creditsCents(), orderedAt(envelope), envelope.sequence()))
                // A transfer sets the credits of a line like a vote does, in the same stream: the same ordering applies.
                .on(LineCreditsTransferred.class, (transferred, envelope) -> projection.creditsSet(transferred.lineId(),
                        transferred.ownerId(), transferred.fiscalYear(), transferred.section(),
                        transferred.creditsCents(), orderedAt(envelope), envelope.sequence()))
                .on(EngagementRecorded.class, projection::engagementRecorded)
                .on(MandateRecorded.class, projection::mandateRecorded);
    }

    @KafkaListener(id = ID, topics = Topics.BUDGET)
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, handlers);
    }

    private static Instant orderedAt(EventEnvelope envelope) {
        if (envelope.occurredAt() == null) {
            throw new PoisonRecordException(envelope.type() + " " + envelope.eventId() + " has no occurredAt to order a line's credits by", null);
        }
        return envelope.occurredAt();
    }
}

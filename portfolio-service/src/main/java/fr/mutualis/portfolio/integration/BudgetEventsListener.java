package fr.mutualis.portfolio.integration;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.budget.CreditsVoted;
import fr.mutualis.contracts.budget.LineCreditsTransferred;
import fr.mutualis.contracts.budget.ProgrammeCreated;
import fr.mutualis.contracts.budget.ProgrammeRevised;
import fr.mutualis.kit.integration.IntegrationEventHandlers;
import fr.mutualis.kit.integration.IntegrationEventInbox;
import fr.mutualis.kit.integration.PoisonRecordException;
import fr.mutualis.portfolio.query.BudgetCreditsProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Feeds the portfolio's copy of the budget that what-if scenarios compare with (open credits per line, programmes' CP
 * schedules) from {@code mutualis.budget.events}, once per event. Votes and transfers carry the line's owner, year,
 * section and new total, so the line's opening itself says nothing the scenarios need.
 */
@Component
public class BudgetEventsListener {

    public static final String ID = "portfolio-budget-events";

    private final IntegrationEventInbox inbox;
    private final IntegrationEventHandlers handlers;

    public BudgetEventsListener(IntegrationEventInbox inbox, BudgetCreditsProjection projection) {
        this.inbox = inbox;
        // Event types the scenarios do not use are acknowledged and skipped by the inbox.
        this.handlers = IntegrationEventHandlers.create()
                .on(CreditsVoted.class, (voted, envelope) -> projection.creditsSet(voted.lineId(), voted.ownerId(),
                        voted.fiscalYear(), voted.section(), voted.creditsCents(), orderedAt(envelope), envelope.sequence()))
                // A transfer sets the credits of a line like a vote does, in the same stream: the same ordering applies.
                .on(LineCreditsTransferred.class, (transferred, envelope) -> projection.creditsSet(transferred.lineId(),
                        transferred.ownerId(), transferred.fiscalYear(), transferred.section(),
                        transferred.creditsCents(), orderedAt(envelope), envelope.sequence()))
                .on(ProgrammeCreated.class, created -> projection.scheduleSet(created.programmeId(), created.ownerId(),
                        created.section(), created.projectId(), 0, years(created.schedule()), cents(created.schedule())))
                .on(ProgrammeRevised.class, revised -> projection.scheduleSet(revised.programmeId(), revised.ownerId(),
                        null, null, revised.revision(), years(revised.schedule()), cents(revised.schedule())));
    }

    @KafkaListener(id = ID, topics = Topics.BUDGET)
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, handlers);
    }

    private static List<Integer> years(List<ProgrammeCreated.ScheduledCredit> schedule) {
        return schedule.stream().map(ProgrammeCreated.ScheduledCredit::year).toList();
    }

    private static List<Long> cents(List<ProgrammeCreated.ScheduledCredit> schedule) {
        return schedule.stream().map(ProgrammeCreated.ScheduledCredit::amountCents).toList();
    }

    private static Instant orderedAt(EventEnvelope envelope) {
        if (envelope.occurredAt() == null) {
            throw new PoisonRecordException(envelope.type() + " " + envelope.eventId() + " has no occurredAt to order a line's credits by", null);
        }
        return envelope.occurredAt();
    }
}

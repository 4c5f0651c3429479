package fr.mutualis.evaluation.integration;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.budget.BudgetLineOpened;
import fr.mutualis.contracts.budget.CreditsVoted;
import fr.mutualis.contracts.budget.DecisionNotApplied;
import fr.mutualis.contracts.budget.LineCreditsTransferred;
import fr.mutualis.contracts.budget.EngagementRecorded;
import fr.mutualis.contracts.budget.MandateRecorded;
import fr.mutualis.contracts.budget.ProgrammeCreated;
import fr.mutualis.contracts.budget.ProgrammeEngaged;
import fr.mutualis.contracts.budget.ProgrammeMandated;
import fr.mutualis.contracts.budget.ProgrammeRevised;
import fr.mutualis.evaluation.query.AlertPending;
import fr.mutualis.evaluation.query.BudgetActivityProjection;
import fr.mutualis.evaluation.query.PortfolioActivityProjection;
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

    public BudgetEventsListener(IntegrationEventInbox inbox, BudgetActivityProjection projection,
                                PortfolioActivityProjection decisions, AlertPending alerts) {
        this.inbox = inbox;
        // Event types evaluation does not use are acknowledged and skipped by the inbox. A line's credits, engagements
        // and mandates change its CREDITS_NEARLY_CONSUMED alert: the owner is marked for the alert engine.
        this.handlers = IntegrationEventHandlers.create()
                .on(BudgetLineOpened.class, (opened, envelope) -> {
                    projection.lineOpened(opened);
                    alerts.mark(opened.ownerId());
                })
                .on(CreditsVoted.class, (voted, envelope) -> {
                    projection.creditsSet(voted.lineId(), voted.ownerId(), voted.fiscalYear(), voted.section(),
                            voted.creditsCents(), orderedAt(envelope), envelope.sequence());
                    alerts.mark(voted.ownerId());
                })
                // A transfer sets the credits of a line like a vote does, in the same stream: the same ordering applies.
                .on(LineCreditsTransferred.class, (transferred, envelope) -> {
                    projection.creditsSet(transferred.lineId(), transferred.ownerId(), transferred.fiscalYear(),
                            transferred.section(), transferred.creditsCents(), orderedAt(envelope), envelope.sequence());
                    alerts.mark(transferred.ownerId());
                })
                .on(EngagementRecorded.class, (engagement, envelope) -> {
                    projection.engagementRecorded(engagement);
                    alerts.mark(engagement.ownerId());
                })
                .on(MandateRecorded.class, (mandate, envelope) -> {
                    projection.mandateRecorded(mandate);
                    alerts.mark(mandate.ownerId());
                })
                // A programme's schedule, engagements and mandates change its CP_SHORTFALL alert.
                .on(ProgrammeCreated.class, (created, envelope) -> {
                    projection.programmeScheduled(created.programmeId(), created.ownerId(), created.label(), 0,
                            created.schedule());
                    alerts.mark(created.ownerId());
                })
                .on(ProgrammeRevised.class, (revised, envelope) -> {
                    projection.programmeScheduled(revised.programmeId(), revised.ownerId(), null, revised.revision(),
                            revised.schedule());
                    alerts.mark(revised.ownerId());
                })
                .on(ProgrammeEngaged.class, (engaged, envelope) -> {
                    projection.programmeEngaged(engaged);
                    alerts.mark(engaged.ownerId());
                })
                .on(ProgrammeMandated.class, (mandated, envelope) -> {
                    projection.programmeMandated(mandated);
                    alerts.mark(mandated.ownerId());
                })
                // An arbitration on a line the budget could not record it on: DECISION_NOT_APPLIED, as for portfolio.
                .on(DecisionNotApplied.class, (notApplied, envelope) -> {
                    decisions.decisionNotApplied(notApplied.decisionId(), notApplied.ownerId(), notApplied.agendaItemKind(),
                            notApplied.subjectId(), notApplied.reason(), envelope.occurredAt());
                    alerts.mark(notApplied.ownerId());
                });
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

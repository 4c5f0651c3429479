package fr.mutualis.evaluation.integration;

import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.portfolio.DecisionNotApplied;
import fr.mutualis.contracts.portfolio.MilestonePlanned;
import fr.mutualis.contracts.portfolio.MilestoneReached;
import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.contracts.portfolio.ProjectStatusChanged;
import fr.mutualis.contracts.portfolio.RoadmapAdopted;
import fr.mutualis.contracts.portfolio.RoadmapClosed;
import fr.mutualis.contracts.portfolio.RoadmapDrafted;
import fr.mutualis.evaluation.query.AlertPending;
import fr.mutualis.evaluation.query.PortfolioActivityProjection;
import fr.mutualis.kit.integration.IntegrationEventHandlers;
import fr.mutualis.kit.integration.IntegrationEventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds evaluation's copy of the portfolio from {@code mutualis.portfolio.events}, once per event. */
@Component
public class PortfolioEventsListener {

    public static final String ID = "evaluation-portfolio-events";

    private final IntegrationEventInbox inbox;
    private final IntegrationEventHandlers handlers;

    public PortfolioEventsListener(IntegrationEventInbox inbox, PortfolioActivityProjection projection, AlertPending alerts) {
        this.inbox = inbox;
        // Event types evaluation does not use are acknowledged and skipped by the inbox. Milestones, projects' and
        // roadmaps' states and decisions not applied change alerts: the owner is marked for the alert engine.
        this.handlers = IntegrationEventHandlers.create()
                .on(RoadmapDrafted.class, (event, envelope) -> projection.roadmapDrafted(event, envelope.sequence()))
                .on(RoadmapAdopted.class, (event, envelope) -> {
                    projection.roadmapAdopted(event, envelope.sequence());
                    alerts.mark(event.ownerId());
                })
                .on(RoadmapClosed.class, (event, envelope) -> projection.roadmapClosed(event, envelope.sequence()))
                .on(ProjectProposed.class, (event, envelope) -> projection.projectProposed(event, envelope.sequence()))
                .on(ProjectStatusChanged.class, (event, envelope) -> {
                    projection.projectStatusChanged(event, envelope.sequence());
                    alerts.mark(event.ownerId());
                })
                .on(MilestonePlanned.class, projection::milestonePlanned)
                .on(MilestoneReached.class, event -> {
                    projection.milestoneReached(event);
                    alerts.mark(event.ownerId());
                })
                .on(DecisionNotApplied.class, (event, envelope) -> {
                    projection.decisionNotApplied(event.decisionId(), event.ownerId(), event.agendaItemKind(),
                            event.subjectId(), event.reason(), envelope.occurredAt());
                    alerts.mark(event.ownerId());
                });
    }

    @KafkaListener(id = ID, topics = Topics.PORTFOLIO)
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, handlers);
    }
}

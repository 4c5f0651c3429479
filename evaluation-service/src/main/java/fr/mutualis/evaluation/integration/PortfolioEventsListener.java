package fr.mutualis.evaluation.integration;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.portfolio.MilestonePlanned;
import fr.mutualis.contracts.portfolio.MilestoneReached;
import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.contracts.portfolio.ProjectStatusChanged;
import fr.mutualis.contracts.portfolio.RoadmapAdopted;
import fr.mutualis.contracts.portfolio.RoadmapClosed;
import fr.mutualis.contracts.portfolio.RoadmapDrafted;
import fr.mutualis.evaluation.query.PortfolioActivityProjection;
import fr.mutualis.kit.integration.IntegrationEventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds evaluation's copy of the portfolio from {@code mutualis.portfolio.events}, once per event. */
@Component
public class PortfolioEventsListener {

    public static final String ID = "evaluation-portfolio-events";

    private final IntegrationEventInbox inbox;
    private final PortfolioActivityProjection projection;

    public PortfolioEventsListener(IntegrationEventInbox inbox, PortfolioActivityProjection projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    @KafkaListener(id = ID, topics = Topics.PORTFOLIO)
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, this::apply);
    }

    private void apply(EventEnvelope envelope) {
        long sequence = envelope.sequence();
        switch (envelope.type()) {
            case "portfolio.RoadmapDrafted" -> projection.roadmapDrafted(inbox.payload(envelope, RoadmapDrafted.class), sequence);
            case "portfolio.RoadmapAdopted" -> projection.roadmapAdopted(inbox.payload(envelope, RoadmapAdopted.class), sequence);
            case "portfolio.RoadmapClosed" -> projection.roadmapClosed(inbox.payload(envelope, RoadmapClosed.class), sequence);
            case "portfolio.ProjectProposed" -> projection.projectProposed(inbox.payload(envelope, ProjectProposed.class), sequence);
            case "portfolio.ProjectStatusChanged" ->
                    projection.projectStatusChanged(inbox.payload(envelope, ProjectStatusChanged.class), sequence);
            case "portfolio.MilestonePlanned" -> projection.milestonePlanned(inbox.payload(envelope, MilestonePlanned.class));
            case "portfolio.MilestoneReached" -> projection.milestoneReached(inbox.payload(envelope, MilestoneReached.class));
            default -> {
                // Event types evaluation does not use are acknowledged and skipped.
            }
        }
    }
}

package fr.mutualis.evaluation.integration;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.contracts.portfolio.RoadmapDrafted;
import fr.mutualis.evaluation.query.PortfolioActivityProjection;
import fr.mutualis.kit.integration.IntegrationEventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds evaluation's copy of the portfolio from {@code mutualis.portfolio.events}, once per event. */
@Component
public class PortfolioEventsListener {

    private final IntegrationEventInbox inbox;
    private final PortfolioActivityProjection projection;

    public PortfolioEventsListener(IntegrationEventInbox inbox, PortfolioActivityProjection projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    @KafkaListener(id = "evaluation-portfolio-events", topics = Topics.PORTFOLIO)
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, this::apply);
    }

    private void apply(EventEnvelope envelope) {
        switch (envelope.type()) {
            case "portfolio.RoadmapDrafted" -> projection.roadmapDrafted(inbox.payload(envelope, RoadmapDrafted.class), envelope.sequence());
            case "portfolio.ProjectProposed" -> projection.projectProposed(inbox.payload(envelope, ProjectProposed.class), envelope.sequence());
            default -> {
                // Event types evaluation does not use (yet) are acknowledged and skipped.
            }
        }
    }
}

package fr.mutualis.evaluation.integration;

import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.governance.ElectedLeadDesignated;
import fr.mutualis.contracts.governance.InstanceCreated;
import fr.mutualis.contracts.governance.SessionClosed;
import fr.mutualis.contracts.governance.SessionScheduled;
import fr.mutualis.evaluation.query.AlertPending;
import fr.mutualis.evaluation.query.GovernanceActivityProjection;
import fr.mutualis.kit.integration.IntegrationEventHandlers;
import fr.mutualis.kit.integration.IntegrationEventInbox;
import fr.mutualis.kit.integration.PoisonRecordException;
import fr.mutualis.kit.time.FrenchTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** Feeds evaluation's copy of governance from {@code mutualis.governance.events}, once per event. */
@Component
public class GovernanceEventsListener {

    public static final String ID = "evaluation-governance-events";

    private final IntegrationEventInbox inbox;
    private final IntegrationEventHandlers handlers;

    public GovernanceEventsListener(IntegrationEventInbox inbox, GovernanceActivityProjection projection,
                                    AlertPending alerts) {
        this.inbox = inbox;
        // Mutualisations and collectivités are kept by service-kit's directories; decisions act through portfolio and
        // budget: the inbox acknowledges and skips them.
        this.handlers = IntegrationEventHandlers.create()
                .on(ElectedLeadDesignated.class, (event, envelope) -> projection.electedLeadDesignated(event, envelope.sequence()))
                // The instance's creation date (for the cadence) is when the event occurred, in France.
                .on(InstanceCreated.class, (event, envelope) -> {
                    if (envelope.occurredAt() == null) {
                        throw new PoisonRecordException("InstanceCreated " + envelope.eventId() + " has no occurredAt", null);
                    }
                    projection.instanceCreated(event, LocalDate.ofInstant(envelope.occurredAt(), FrenchTime.ZONE));
                })
                // A séance convened or held changes its owner's SHORT_NOTICE, MINUTES_LATE and CADENCE_NOT_KEPT alerts.
                .on(SessionScheduled.class, event -> {
                    projection.sessionScheduled(event);
                    alerts.mark(event.ownerId());
                })
                .on(SessionClosed.class, event -> {
                    projection.sessionClosed(event);
                    alerts.mark(event.ownerId());
                });
    }

    @KafkaListener(id = ID, topics = Topics.GOVERNANCE)
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, handlers);
    }
}

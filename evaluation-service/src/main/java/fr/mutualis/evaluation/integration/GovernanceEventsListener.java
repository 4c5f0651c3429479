package fr.mutualis.evaluation.integration;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.governance.ElectedLeadDesignated;
import fr.mutualis.contracts.governance.InstanceCreated;
import fr.mutualis.contracts.governance.SessionClosed;
import fr.mutualis.evaluation.query.GovernanceActivityProjection;
import fr.mutualis.kit.integration.IntegrationEventInbox;
import fr.mutualis.kit.integration.PoisonRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;

/** Feeds evaluation's copy of governance from {@code mutualis.governance.events}, once per event. */
@Component
public class GovernanceEventsListener {

    public static final String ID = "evaluation-governance-events";
    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private final IntegrationEventInbox inbox;
    private final GovernanceActivityProjection projection;

    public GovernanceEventsListener(IntegrationEventInbox inbox, GovernanceActivityProjection projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    @KafkaListener(id = ID, topics = Topics.GOVERNANCE)
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, this::apply);
    }

    private void apply(EventEnvelope envelope) {
        switch (envelope.type()) {
            case "governance.ElectedLeadDesignated" ->
                    projection.electedLeadDesignated(inbox.payload(envelope, ElectedLeadDesignated.class), envelope.sequence());
            // The instance's creation date (for the cadence) is when the event occurred, in France.
            case "governance.InstanceCreated" -> {
                if (envelope.occurredAt() == null) {
                    throw new PoisonRecordException("InstanceCreated " + envelope.eventId() + " has no occurredAt", null);
                }
                projection.instanceCreated(inbox.payload(envelope, InstanceCreated.class),
                        LocalDate.ofInstant(envelope.occurredAt(), FRANCE));
            }
            case "governance.SessionClosed" -> projection.sessionClosed(inbox.payload(envelope, SessionClosed.class));
            default -> {
                // Mutualisations and collectivités are kept by service-kit's directories; decisions act through portfolio and
                // budget.
            }
        }
    }
}

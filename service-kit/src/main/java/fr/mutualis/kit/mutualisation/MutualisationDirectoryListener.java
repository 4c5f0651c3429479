package fr.mutualis.kit.mutualisation;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.governance.MutualisationCreated;
import fr.mutualis.kit.integration.IntegrationEventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Keeps the {@link MutualisationDirectory} up to date from {@code mutualis.governance.events}, once per event. */
public class MutualisationDirectoryListener {

    private static final String MUTUALISATION_CREATED = "governance.MutualisationCreated";

    private final IntegrationEventInbox inbox;
    private final MutualisationDirectory directory;

    public MutualisationDirectoryListener(IntegrationEventInbox inbox, MutualisationDirectory directory) {
        this.inbox = inbox;
        this.directory = directory;
    }

    @KafkaListener(id = "${spring.application.name}-mutualisation-directory", topics = Topics.GOVERNANCE)
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, this::apply);
    }

    private void apply(EventEnvelope envelope) {
        if (MUTUALISATION_CREATED.equals(envelope.type())) {
            directory.record(inbox.payload(envelope, MutualisationCreated.class));
        }
    }
}

package fr.mutualis.kit.mutualisation;

import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.governance.CollectiviteRegistered;
import fr.mutualis.contracts.governance.MutualisationCreated;
import fr.mutualis.kit.collectivite.CollectiviteDirectory;
import fr.mutualis.kit.integration.IntegrationEventHandlers;
import fr.mutualis.kit.integration.IntegrationEventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Keeps the {@link MutualisationDirectory} and the {@link CollectiviteDirectory} up to date from
 * {@code mutualis.governance.events}, once per event. Its consumer group keeps the name it had when it kept the
 * mutualisations only, so that a running platform does not read governance's topic again.
 */
public class GovernanceDirectoryListener {

    private final IntegrationEventInbox inbox;
    private final IntegrationEventHandlers handlers;

    public GovernanceDirectoryListener(IntegrationEventInbox inbox, MutualisationDirectory mutualisations,
                                       CollectiviteDirectory collectivites) {
        this.inbox = inbox;
        this.handlers = IntegrationEventHandlers.create()
                .on(MutualisationCreated.class, mutualisations::record)
                .on(CollectiviteRegistered.class, collectivites::record);
    }

    @KafkaListener(id = "${spring.application.name}-mutualisation-directory", topics = Topics.GOVERNANCE)
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, handlers);
    }
}

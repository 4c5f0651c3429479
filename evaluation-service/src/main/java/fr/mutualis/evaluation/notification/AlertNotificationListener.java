package fr.mutualis.evaluation.notification;

import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.evaluation.AlertEnded;
import fr.mutualis.contracts.evaluation.AlertRaised;
import fr.mutualis.kit.integration.IntegrationEventHandlers;
import fr.mutualis.kit.integration.IntegrationEventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads evaluation's own alerts from {@code mutualis.evaluation.events}, once per event (the kit's inbox), and records
 * in the same transaction the deliveries they call for; the mails go out afterwards ({@link AlertMailer}), so a slow
 * or absent SMTP server never holds the consumer back. Its consumer group is named after the application, so that
 * another deployment of the service (a test's) on the same broker keeps its own.
 */
@Component
public class AlertNotificationListener {

    private final IntegrationEventInbox inbox;
    private final IntegrationEventHandlers handlers;

    public AlertNotificationListener(IntegrationEventInbox inbox, AlertDeliveries deliveries) {
        this.inbox = inbox;
        this.handlers = IntegrationEventHandlers.create()
                .on(AlertRaised.class, (event, envelope) -> deliveries.raised(event, envelope.occurredAt()))
                .on(AlertEnded.class, deliveries::ended);
    }

    @KafkaListener(id = "${spring.application.name}-alert-notifier", topics = Topics.EVALUATION,
            autoStartup = "${mutualis.notification.enabled:true}")
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, handlers);
    }
}

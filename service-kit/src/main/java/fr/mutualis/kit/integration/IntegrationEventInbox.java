package fr.mutualis.kit.integration;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.EventHeaders;
import fr.mutualis.contracts.IntegrationEvents;
import fr.mutualis.kit.query.ReadYourWrites;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The idempotent consumer: an integration event's id is recorded in the same database transaction as its
 * effect, so a redelivered event (at-least-once Kafka, publisher retries) is skipped, and a crash between
 * the effect and the offset commit cannot apply it twice.
 */
public class IntegrationEventInbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final MeterRegistry meters;

    public IntegrationEventInbox(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.meters = meters;
    }

    /**
     * Reads the envelope of {@code record} and applies it once for the calling listener's consumer group (each
     * group of a service keeps its own record of what it applied).
     */
    public void receive(ConsumerRecord<String, String> record, IntegrationEventHandler handler) {
        apply(record, read(record), handler);
    }

    /**
     * As {@link #receive(ConsumerRecord, IntegrationEventHandler)}, dispatching on the contract type: the payload is
     * decoded once, before the transaction, and handed typed to the handler {@code handlers} registered for it. An
     * event of a type this consumer does not handle is only counted: applying it changes nothing, so reading it again
     * changes nothing either, and it costs no transaction (most of what a topic carries is of no interest to most of
     * its groups: the references' and directories' listeners apply one or two types of a topic's many). Its type is
     * read from the record's {@link EventHeaders#EVENT_TYPE} header, which the publisher copies from the envelope,
     * so that such a record is not even parsed; a record without it is read whole.
     */
    public void receive(ConsumerRecord<String, String> record, IntegrationEventHandlers handlers) {
        Header declared = record.headers().lastHeader(EventHeaders.EVENT_TYPE);
        if (declared != null) {
            String type = new String(declared.value(), StandardCharsets.UTF_8);
            if (!handlers.appliesType(type)) {
                ignored(record, type);
                return;
            }
        }
        EventEnvelope envelope = read(record);
        Optional<Class<? extends Record>> handled = handlers.handledType(envelope);
        if (handled.isEmpty()) {
            ignored(record, envelope.type());
            return;
        }
        Record event = payload(envelope, handled.get());
        apply(record, envelope, applied -> handlers.apply(event, applied));
    }

    private void ignored(ConsumerRecord<String, String> record, String type) {
        IntegrationMetrics.consumed(meters, record.topic(), type, IntegrationMetrics.Outcome.IGNORED).increment();
    }

    private void apply(ConsumerRecord<String, String> record, EventEnvelope envelope, IntegrationEventHandler handler) {
        String consumer = Objects.requireNonNullElse(KafkaUtils.getConsumerGroupId(), "default");
        boolean applied = Boolean.TRUE.equals(transactions.execute(status -> {
            int inserted = jdbc.sql("""
                            INSERT INTO processed_integration_event (consumer, event_id, topic, event_type, aggregate_id, processed_at)
                            VALUES (:consumer, :eventId, :topic, :type, :aggregateId, now())
                            ON CONFLICT (consumer, event_id) DO NOTHING""")
                    .param("consumer", consumer)
                    .param("eventId", envelope.eventId())
                    .param("topic", record.topic())
                    .param("type", envelope.type())
                    .param("aggregateId", envelope.aggregateId())
                    .update();
            if (inserted == 0) {
                return false;
            }
            handler.handle(envelope);
            return true;
        }));
        IntegrationMetrics.consumed(meters, record.topic(), envelope.type(),
                applied ? IntegrationMetrics.Outcome.APPLIED : IntegrationMetrics.Outcome.DUPLICATE).increment();
        if (applied) {
            // A read model fed by this consumer changed (another context's object published, a directory): a write
            // of this process waiting to see it looks again now rather than at its next poll.
            ReadYourWrites.projectionsAdvanced();
        }
    }

    private EventEnvelope read(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new PoisonRecordException("Empty record at " + position(record), null);
        }
        EventEnvelope envelope;
        try {
            envelope = json.readValue(record.value(), EventEnvelope.class);
        } catch (JacksonException e) {
            throw new PoisonRecordException("Unreadable envelope at " + position(record), e);
        }
        if (envelope.eventId() == null || envelope.type() == null || envelope.payload() == null) {
            throw new PoisonRecordException("Incomplete envelope at " + position(record), null);
        }
        return envelope;
    }

    /** Decodes the payload of {@code envelope} into its contract record. */
    public <T extends Record> T payload(EventEnvelope envelope, Class<T> type) {
        if (IntegrationEvents.payloadType(envelope.type(), envelope.version()).filter(type::equals).isEmpty()) {
            throw new PoisonRecordException(envelope.type() + " v" + envelope.version() + " is not a " + type.getSimpleName(), null);
        }
        try {
            return json.treeToValue(envelope.payload(), type);
        } catch (JacksonException e) {
            throw new PoisonRecordException("Unreadable payload of event " + envelope.eventId(), e);
        }
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}

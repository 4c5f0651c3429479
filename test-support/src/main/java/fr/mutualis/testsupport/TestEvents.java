package fr.mutualis.testsupport;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.EventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Publishes on the test broker what another context would, for tests of a service's consumers: one producer for the
 * whole test JVM, each record acknowledged by the broker before the call returns.
 */
public final class TestEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static KafkaProducer<String, String> producer;

    private TestEvents() {
    }

    /**
     * {@code envelope} on {@code topic} as the platform's publishers write it: keyed by its aggregate, with the headers
     * that repeat its tenant, type, version and correlation.
     */
    public static void publish(String topic, EventEnvelope envelope) {
        send(record(topic, envelope));
    }

    /** The record a publisher of the platform writes for {@code envelope}, for a producer of the caller's own. */
    public static ProducerRecord<String, String> record(String topic, EventEnvelope envelope) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, envelope.aggregateId(),
                JSON.writeValueAsString(envelope));
        header(record, EventHeaders.TENANT_ID, envelope.tenantId());
        header(record, EventHeaders.EVENT_TYPE, envelope.type());
        header(record, EventHeaders.EVENT_VERSION, String.valueOf(envelope.version()));
        header(record, EventHeaders.CORRELATION_ID, envelope.correlationId());
        return record;
    }

    /** Any value, for records a publisher of the platform would never write (poison, foreign formats). */
    public static void publishRaw(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(ProducerRecord<String, String> record) {
        String topic = record.topic();
        try {
            producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Kafka took a record for " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not take a record for " + topic, e.getCause());
        }
    }

    /**
     * The payloads of the {@code type} envelopes on {@code topic} whose {@code field} is one of {@code values}, read from
     * the beginning until each value was seen (or 30 s passed): what a service published about given objects,
     * whatever key it used.
     */
    public static List<JsonNode> published(String topic, String type, String field, Collection<String> values) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "published-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<JsonNode> payloads = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline) && !seen.containsAll(values)) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    JsonNode envelope = JSON.readTree(record.value());
                    JsonNode payload = envelope.get("payload");
                    if (type.equals(envelope.path("type").asString()) && payload != null && payload.hasNonNull(field)
                            && values.contains(payload.get(field).asString())) {
                        payloads.add(payload);
                        seen.add(payload.get(field).asString());
                    }
                });
            }
            return payloads;
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestInfrastructure.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new StringSerializer());
            KafkaProducer<String, String> created = producer;
            // Shared by every test class of the JVM: closed with it, before the broker (StopAtExit).
            StopAtExit.register("test-events-producer", () -> created.close(Duration.ofSeconds(1)));
        }
        return producer;
    }
}

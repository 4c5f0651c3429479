package fr.mutualis.portfolio.integration;

import fr.mutualis.contracts.Topics;
import fr.mutualis.testsupport.TestInfrastructure;
import fr.mutualis.portfolio.PortfolioServiceTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The W3C trace of a request (its {@code traceparent}, as the gateway sends it) is the trace of the problem it
 * answers and of the integration event it causes: the outbox publishes later, on another thread, yet the Kafka
 * record carries the request's trace, so the consumers continue it.
 */
class TracedPublicationTest extends PortfolioServiceTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String TRACEPARENT = "00-" + TRACE + "-b7ad6b7169203331-01";

    @Test
    void theRecordOfAnAcceptedWriteCarriesTheRequestsTrace() {
        var roadmap = http.send(traced("/api/portfolio/roadmaps", roadmapJson(2026, 2028)));
        assertThat(roadmap.status()).as(roadmap.toString()).isEqualTo(201);

        Header traceparent = awaitRecord(roadmap.json().get("id").asString()).headers().lastHeader("traceparent");
        assertThat(traceparent).as("the record carries a traceparent").isNotNull();
        assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).startsWith("00-" + TRACE + "-");
    }

    @Test
    void aProblemNamesTheRequestsTrace() {
        var refused = http.send(traced("/api/portfolio/roadmaps", "{\"startYear\": \"soon\"}"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("traceId").asString()).isEqualTo(TRACE);
        assertThat(refused.json().has("correlationId")).isTrue();
    }

    private HttpRequest.Builder traced(String path, String body) {
        return http.request(path, VALMONT_AGENT, null)
                .header("Content-Type", "application/json")
                .header("traceparent", TRACEPARENT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static ConsumerRecord<String, String> awaitRecord(String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.PORTFOLIO));
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
            throw new AssertionError("No record keyed " + key + " on " + Topics.PORTFOLIO);
        }
    }
}

package fr.mutualis.budget.integration;

import fr.mutualis.contracts.EventHeaders;
import fr.mutualis.contracts.Topics;
import fr.mutualis.kit.testsupport.TestHttp;
import fr.mutualis.kit.testsupport.TestInfrastructure;
import fr.mutualis.kit.testsupport.TestTokenIssuer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An opened line reaches Kafka as an enveloped integration event, keyed by line id, through the real broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublishedEventsTest {

    static final String VALMONT = "210000022";
    static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "budget");
        ISSUER.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void anOpenedLineIsPublishedWithItsEnvelopeAndHeaders() {
        TestHttp http = new TestHttp("http://localhost:" + port);
        String token = ISSUER.token("valmont-agent", List.of(VALMONT), List.of("AGENT"));
        UUID projectId = UUID.randomUUID();
        var line = http.post("/api/budget/lines", """
                {"fiscalYear": 2026, "section": "OPERATING", "chapter": "012", "label": "Chef de projet compte usager",
                 "projectId": "%s", "plannedCents": 4500000}""".formatted(projectId), token, null);
        assertThat(line.status()).as(line.toString()).isEqualTo(201);
        String lineId = line.json().get("id").asString();

        ConsumerRecord<String, String> record = awaitRecord(lineId);
        JsonNode envelope = JsonMapper.builder().build().readTree(record.value());
        assertThat(envelope.get("type").asString()).isEqualTo("budget.BudgetLineOpened");
        assertThat(envelope.get("version").asInt()).isEqualTo(1);
        assertThat(envelope.get("tenantId").asString()).isEqualTo(VALMONT);
        assertThat(envelope.get("aggregateId").asString()).isEqualTo(lineId);
        assertThat(envelope.get("sequence").asLong()).isZero();
        assertThat(UUID.fromString(envelope.get("eventId").asString())).isNotNull();
        JsonNode payload = envelope.get("payload");
        assertThat(payload.get("lineId").asString()).isEqualTo(lineId);
        assertThat(payload.get("ownerId").asString()).isEqualTo(VALMONT);
        assertThat(payload.get("fiscalYear").asInt()).isEqualTo(2026);
        assertThat(payload.get("section").asString()).isEqualTo("OPERATING");
        assertThat(payload.get("chapter").asString()).isEqualTo("012");
        assertThat(payload.get("projectId").asString()).isEqualTo(projectId.toString());
        assertThat(payload.get("plannedCents").asLong()).isEqualTo(4_500_000L);
        assertThat(header(record, EventHeaders.TENANT_ID)).isEqualTo(VALMONT);
        assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo("budget.BudgetLineOpened");
        assertThat(header(record, EventHeaders.EVENT_VERSION)).isEqualTo("1");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<String, String> awaitRecord(String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.BUDGET));
            Instant deadline = Instant.now().plusSeconds(20);
            List<String> seen = new ArrayList<>();
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                    seen.add(record.key());
                }
            }
            throw new AssertionError("No record keyed " + key + " on " + Topics.BUDGET + "; saw " + seen);
        }
    }
}

package fr.mutualis.portfolio.integration;

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

/** A command's events reach Kafka as enveloped integration events, keyed by aggregate, through the real broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublishedEventsTest {

    static final String VALMONT = "210000022";
    static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "portfolio");
        ISSUER.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void aProposedProjectIsPublishedWithItsEnvelopeAndHeaders() {
        TestHttp http = new TestHttp("http://localhost:" + port);
        String token = ISSUER.token("valmont-agent", List.of(VALMONT), List.of("AGENT"));
        String roadmapId = http.post("/api/portfolio/roadmaps", """
                {"title": "SDN", "startYear": 2026, "endYear": 2028, "axes": ["OPEN_DATA"]}""", token, null).json().get("id").asString();
        var project = http.post("/api/portfolio/projects", """
                {"roadmapId": "%s", "title": "Téléphonie IP", "axis": "LOCAL_HOSTING_CLOUD", "theme": "INFRASTRUCTURE",
                 "plannedStart": "2026-01-01", "plannedEnd": "2026-06-30",
                 "estimatedInvestmentCents": 100, "estimatedOperatingCents": 200}""".formatted(roadmapId), token, null);
        assertThat(project.status()).as(project.toString()).isEqualTo(201);
        String projectId = project.json().get("id").asString();

        ConsumerRecord<String, String> record = awaitRecord(projectId);
        JsonNode envelope = JsonMapper.builder().build().readTree(record.value());
        assertThat(envelope.get("type").asString()).isEqualTo("portfolio.ProjectProposed");
        assertThat(envelope.get("version").asInt()).isEqualTo(1);
        assertThat(envelope.get("tenantId").asString()).isEqualTo(VALMONT);
        assertThat(envelope.get("aggregateId").asString()).isEqualTo(projectId);
        assertThat(UUID.fromString(envelope.get("eventId").asString())).isNotNull();
        assertThat(envelope.get("payload").get("roadmapId").asString()).isEqualTo(roadmapId);
        assertThat(envelope.get("payload").get("estimatedOperatingCents").asLong()).isEqualTo(200);
        assertThat(new String(record.headers().lastHeader(EventHeaders.TENANT_ID).value(), StandardCharsets.UTF_8)).isEqualTo(VALMONT);
        assertThat(new String(record.headers().lastHeader(EventHeaders.EVENT_TYPE).value(), StandardCharsets.UTF_8))
                .isEqualTo("portfolio.ProjectProposed");
    }

    private static ConsumerRecord<String, String> awaitRecord(String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.PORTFOLIO));
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
            throw new AssertionError("No record keyed " + key + " on " + Topics.PORTFOLIO + "; saw " + seen);
        }
    }
}

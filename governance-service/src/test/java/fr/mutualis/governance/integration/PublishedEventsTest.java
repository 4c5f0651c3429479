package fr.mutualis.governance.integration;

import fr.mutualis.contracts.EventHeaders;
import fr.mutualis.contracts.Topics;
import fr.mutualis.governance.TestSirens;
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

/** A registered collectivité reaches Kafka as an enveloped integration event, keyed by its SIREN. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublishedEventsTest {

    static final String CAGV = "200000016";
    static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "governance");
        ISSUER.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void aRegisteredCollectiviteIsPublishedWithItsEnvelopeAndHeaders() {
        TestHttp http = new TestHttp("http://localhost:" + port);
        String token = ISSUER.token("platform-admin", List.of(CAGV), List.of("PLATFORM_ADMIN"));
        // A fresh SIREN: the broker is shared by every test class of the JVM.
        String siren = TestSirens.random();
        var registered = http.post("/api/governance/collectivites", """
                {"siren": "%s", "name": "Les Aulnes", "kind": "COMMUNE", "population": 4500, "epciSiren": "%s"}"""
                .formatted(siren, CAGV), token, null);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

        ConsumerRecord<String, String> record = awaitRecord(siren);
        JsonNode envelope = JsonMapper.builder().build().readTree(record.value());
        assertThat(envelope.get("type").asString()).isEqualTo("governance.CollectiviteRegistered");
        assertThat(envelope.get("version").asInt()).isEqualTo(1);
        assertThat(envelope.get("tenantId").asString()).isEqualTo(siren);
        assertThat(envelope.get("aggregateId").asString()).isEqualTo(siren);
        assertThat(envelope.get("sequence").asLong()).isZero();
        assertThat(UUID.fromString(envelope.get("eventId").asString())).isNotNull();
        JsonNode payload = envelope.get("payload");
        assertThat(payload.get("siren").asString()).isEqualTo(siren);
        assertThat(payload.get("name").asString()).isEqualTo("Les Aulnes");
        assertThat(payload.get("kind").asString()).isEqualTo("COMMUNE");
        assertThat(payload.get("population").asLong()).isEqualTo(4_500);
        assertThat(payload.get("epciSiren").asString()).isEqualTo(CAGV);
        assertThat(header(record, EventHeaders.TENANT_ID)).isEqualTo(siren);
        assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo("governance.CollectiviteRegistered");
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
            consumer.subscribe(List.of(Topics.GOVERNANCE));
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
            throw new AssertionError("No record keyed " + key + " on " + Topics.GOVERNANCE + "; saw " + seen);
        }
    }
}

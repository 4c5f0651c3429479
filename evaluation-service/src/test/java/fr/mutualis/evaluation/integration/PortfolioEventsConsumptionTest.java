package fr.mutualis.evaluation.integration;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.contracts.portfolio.RoadmapDrafted;
import fr.mutualis.kit.testsupport.TestHttp;
import fr.mutualis.kit.testsupport.TestInfrastructure;
import fr.mutualis.kit.testsupport.TestTokenIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Evaluation learns the portfolio through real Kafka records: applied once despite duplicates, and a
 * poison record goes to the dead-letter topic without stopping the consumer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortfolioEventsConsumptionTest {

    static final String TENANT = "210000048";
    static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static KafkaProducer<String, String> producer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "evaluation");
        ISSUER.register(registry);
    }

    @BeforeAll
    static void startProducer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stopProducer() {
        producer.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void aProposedProjectShowsOnTheDashboardOnceEvenWhenDeliveredTwice() throws Exception {
        UUID roadmapId = UUID.randomUUID();
        UUID projectId = UUID.randomUUID();
        EventEnvelope roadmap = envelope("portfolio.RoadmapDrafted", roadmapId, 0,
                new RoadmapDrafted(roadmapId, TENANT, "SDN", 2026, 2028, List.of("OPEN_DATA")));
        EventEnvelope project = envelope("portfolio.ProjectProposed", projectId, 0,
                new ProjectProposed(projectId, roadmapId, TENANT, "Portail open data", "OPEN_DATA", "USER_SERVICES",
                        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 100, 200));
        // The project before its roadmap, and the project twice: order-tolerant and idempotent.
        send(project);
        send(roadmap);
        send(project);

        TestHttp http = new TestHttp("http://localhost:" + port);
        String token = ISSUER.token("aulnes-agent", List.of(TENANT), List.of("AGENT"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var dashboard = http.get("/api/evaluation/dashboard", token, null).json();
            assertThat(dashboard.get("projects").get("total").asLong()).isEqualTo(1);
            assertThat(dashboard.get("projects").get("byStatus").get("PROPOSED").asLong()).isEqualTo(1);
            assertThat(dashboard.get("projects").get("byAxis").get("OPEN_DATA").asLong()).isEqualTo(1);
            assertThat(dashboard.get("roadmaps").asLong()).isEqualTo(1);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.find("mutualis.integration.consumed")
                .tag("outcome", "duplicate").counter() != null);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_integration_event WHERE event_id = :id")
                .param("id", project.eventId()).query(Long.class).single()).isEqualTo(1);

        String other = ISSUER.token("valmont-agent", List.of("210000022"), List.of("AGENT"));
        assertThat(http.get("/api/evaluation/dashboard", other, null).json().get("projects").get("total").asLong()).isZero();
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(Topics.PORTFOLIO, poisonKey, "{not json")).get();
        UUID roadmapId = UUID.randomUUID();
        send(envelope("portfolio.RoadmapDrafted", roadmapId, 0,
                new RoadmapDrafted(roadmapId, "210000030", "Après le poison", 2026, 2027, List.of("E_INCLUSION"))));

        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("SELECT count(*) FROM portfolio_roadmap WHERE roadmap_id = :id")
                .param("id", roadmapId).query(Long.class).single() == 1);
        assertThat(deadLetterKeys()).contains(poisonKey);
        assertThat(meters.find("mutualis.integration.dead.lettered").tag("topic", Topics.PORTFOLIO).counter())
                .isNotNull()
                .satisfies(counter -> assertThat(counter.count()).isGreaterThanOrEqualTo(1));
    }

    private static List<String> deadLetterKeys() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.PORTFOLIO)));
            List<String> keys = new java.util.ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline) && keys.isEmpty()) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> keys.add(record.key()));
            }
            return keys;
        }
    }

    private static void send(EventEnvelope envelope) throws Exception {
        producer.send(new ProducerRecord<>(Topics.PORTFOLIO, envelope.aggregateId(), JSON.writeValueAsString(envelope))).get();
    }

    private static EventEnvelope envelope(String type, UUID aggregateId, long sequence, Record payload) {
        return new EventEnvelope(UUID.randomUUID(), type, 1, Instant.now(), TENANT, aggregateId.toString(), sequence,
                "test", JSON.valueToTree(payload));
    }
}

package fr.mutualis.e2e;

import fr.mutualis.e2e.support.Platform;
import fr.mutualis.e2e.support.Territory;
import fr.mutualis.e2e.support.World;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.testsupport.TestHttp.Response;
import fr.mutualis.localstack.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reporting job on the whole stack: the territory reports it builds from the event topics alone give the same
 * figures as the services (budget summary, evaluation dashboard) for a collectivité and for a mutualisation, each
 * caller reads only its tenants' reports through the gateway, and an application reset rebuilds the same reports.
 */
@ExtendWith(Platform.class)
@Isolated("It restarts the reporting job with a reset, which other classes' reports would meet")
class ReportingJobEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOPIC = "mutualis.reporting.territory";
    private static final String Q4 = "/api/reporting/territory?fiscalYear=2026&quarter=4";
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private static LocalStack stack;
    private static TestHttp gateway;
    private static Territory t;

    @BeforeAll
    static void territoryWithDataInEveryContext() {
        stack = Platform.stack();
        gateway = Platform.gateway();
        t = Territory.create();
        World.privateOf(t.ville, t.agent(t.ville));
        World.privateOf(t.outsider, t.agent(t.outsider));
        World.sharedOf(t);
    }

    @Test
    void theJobsFiguresAreTheServicesAndAResetRebuildsThem() {
        String mutualisation = "&mutualisationId=" + t.mutualisation;
        JsonNode ville = awaitReport(t.ville, t.reporting(t.ville),
                okJson(gateway.get("/api/budget/summary?fiscalYear=2026", t.agent(t.ville), null)),
                okJson(gateway.get("/api/evaluation/dashboard?fiscalYear=2026", t.agent(t.ville), null)));
        JsonNode shared = awaitReport(t.mutualisation, t.reporting(t.ville),
                okJson(gateway.get("/api/budget/summary?fiscalYear=2026" + mutualisation, t.sharedAdmin(), null)),
                okJson(gateway.get("/api/evaluation/dashboard?fiscalYear=2026" + mutualisation, t.sharedAdmin(), null)));
        assertThat(ville.get("budget").get("investment").get("engagedCents").asLong()).isPositive();
        assertThat(shared.get("members").toString()).contains(t.epci, t.ville, t.bourg);

        // Each tenant its own reports and its mutualisations'; never another tenant's.
        assertThat(owners(okJson(gateway.get(Q4, t.reporting(t.ville), null))))
                .contains(t.ville, t.mutualisation).doesNotContain(t.outsider, t.bourg, t.epci);
        assertThat(owners(okJson(gateway.get(Q4, t.agent(t.outsider), null)))).containsExactly(t.outsider);
        assertThat(owners(okJson(gateway.get(Q4, t.agent(t.bourg), null)))).containsExactly(t.mutualisation);
        // invalid on purpose: only the answer is checked against the OpenAPI document
        Response bad = Platform.gatewayForInvalidRequests().get("/api/reporting/territory?fiscalYear=20x6&quarter=5",
                t.agent(t.ville), null);
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(StreamSupport.stream(bad.json().get("errors").spliterator(), false)
                .map(error -> error.get("field").asString())).containsExactlyInAnyOrder("fiscalYear", "quarter");

        // The application reset: offsets, internal topics and local state gone, every event read again.
        String key = t.ville + "/2026/Q4";
        int published = published(key).size();
        stack.restartApp("reporting-job", Map.of("MUTUALIS_REPORTING_RESET_ON_STARTUP", "true"));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> published(key).size() > published);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> JSON.readTree(published(key).getLast().value()).equals(ville));
        assertThat(report(t.ville, t.reporting(t.ville))).isEqualTo(ville);
        assertThat(report(t.mutualisation, t.reporting(t.ville))).isEqualTo(shared);
        // Left running with the reset setting: it acts at start-up only, and no later class restarts the job. Giving
        // it back its own settings was one more restart (a graceful stop, a start, the group's rebalance) for nothing.
    }

    /** Waits until the job's Q4 2026 report of {@code owner} shows the services' figures, and returns it. */
    private static JsonNode awaitReport(String owner, String token, JsonNode summary, JsonNode dashboard) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode report = report(owner, token);
            assertThat(report).as("report of " + owner).isNotNull();
            for (String section : List.of("investment", "operating")) {
                for (String figure : List.of("plannedCents", "votedCents", "engagedCents", "mandatedCents")) {
                    assertThat(report.get("budget").get(section).get(figure).asLong()).as(section + " " + figure)
                            .isEqualTo(summary.get(section).get(figure).asLong())
                            .isEqualTo(dashboard.get("budget").get(section).get(figure).asLong());
                }
            }
            assertThat(report.get("portfolio").get("projects").asLong())
                    .isEqualTo(dashboard.get("projects").get("total").asLong());
            assertThat(counts(report.get("portfolio").get("byStatus"))).isEqualTo(counts(dashboard.get("projects").get("byStatus")));
            assertThat(counts(report.get("portfolio").get("byAxis"))).isEqualTo(counts(dashboard.get("projects").get("byAxis")));
            assertThat(report.get("evaluation").get("indicators").asLong())
                    .isEqualTo(dashboard.get("indicators").get("total").asLong());
            assertThat(counts(report.get("evaluation").get("byStatus")))
                    .isEqualTo(counts(dashboard.get("indicators").get("byStatus")));
        });
        return report(owner, token);
    }

    private static JsonNode report(String owner, String token) {
        JsonNode answer = okJson(gateway.get(Q4, token, null));
        return StreamSupport.stream(answer.get("reports").spliterator(), false)
                .filter(report -> report.get("owner").asString().equals(owner))
                .findFirst().orElse(null);
    }

    /** The non-zero counts of a JSON object (the dashboard also lists statuses no indicator has). */
    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new TreeMap<>();
        object.properties().forEach(entry -> {
            if (entry.getValue().asLong() != 0) {
                counts.put(entry.getKey(), entry.getValue().asLong());
            }
        });
        return counts;
    }

    private static List<String> owners(JsonNode answer) {
        return StreamSupport.stream(answer.get("reports").spliterator(), false)
                .map(report -> report.get("owner").asString()).toList();
    }

    /** Every value published under {@code key} on the report topic, oldest first (committed ones only). */
    private static List<ConsumerRecord<String, String>> published(String key) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (key.equals(record.key())) {
                        values.add(record);
                    }
                });
            }
        }
        return values;
    }

    private static JsonNode okJson(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}

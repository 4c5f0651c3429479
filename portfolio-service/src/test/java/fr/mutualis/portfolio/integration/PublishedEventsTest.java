package fr.mutualis.portfolio.integration;

import fr.mutualis.contracts.EventHeaders;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.governance.DecisionPublished;
import fr.mutualis.testsupport.TestInfrastructure;
import fr.mutualis.portfolio.PortfolioServiceTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A command's events reach Kafka as enveloped integration events, keyed by aggregate, through the real broker. */
class PublishedEventsTest extends PortfolioServiceTest {

    @Test
    void aProposedProjectIsPublishedWithItsEnvelopeAndHeaders() {
        String roadmapId = createRoadmap(VALMONT_AGENT);
        var project = http.post("/api/portfolio/projects", """
                {"roadmapId": "%s", "title": "Téléphonie IP", "axis": "LOCAL_HOSTING_CLOUD", "theme": "INFRASTRUCTURE",
                 "plannedStart": "2026-01-01", "plannedEnd": "2026-06-30",
                 "estimatedInvestmentCents": 100, "estimatedOperatingCents": 200}""".formatted(roadmapId), VALMONT_AGENT, null);
        assertThat(project.status()).as(project.toString()).isEqualTo(201);
        String projectId = project.json().get("id").asString();

        ConsumerRecord<String, String> record = awaitRecords(projectId, 1).getFirst();
        JsonNode envelope = JSON.readTree(record.value());
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

    @Test
    void everyStateChangeOfAProjectIsPublishedInOrder() {
        String projectId = proposeProject(createRoadmap(VALMONT_AGENT), VALMONT_AGENT);
        assertThat(assess(projectId, VALMONT_AGENT, 5, 4, 3, 2, 4, 1).status()).isEqualTo(200);
        DecisionPublished approval = approveThroughGovernance(projectId, VALMONT, VALMONT_AGENT);
        assertThat(http.post("/api/portfolio/projects/" + projectId + "/start", "{\"reason\": \"Marché notifié\"}", VALMONT_AGENT, null).status()).isEqualTo(200);
        String milestoneId = http.post("/api/portfolio/projects/" + projectId + "/milestones",
                "{\"title\": \"Recette\", \"plannedDate\": \"2026-01-15\"}", VALMONT_AGENT, null).json().get("id").asString();
        assertThat(http.post("/api/portfolio/projects/" + projectId + "/milestones/" + milestoneId + "/reach",
                "{\"actualDate\": \"2026-01-20\"}", VALMONT_AGENT, null).status()).isEqualTo(200);

        List<JsonNode> envelopes = awaitRecords(projectId, 7).stream().map(record -> JSON.readTree(record.value())).toList();
        assertThat(envelopes).extracting(envelope -> envelope.get("type").asString()).containsExactly(
                "portfolio.ProjectProposed", "portfolio.ProjectAssessed", "portfolio.ProjectStatusChanged",
                "portfolio.ProjectStatusChanged", "portfolio.ProjectStatusChanged", "portfolio.MilestonePlanned",
                "portfolio.MilestoneReached");
        assertThat(envelopes).extracting(envelope -> envelope.get("sequence").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(envelopes.get(1).get("payload").get("risk").asInt()).isEqualTo(1);
        JsonNode approved = envelopes.get(3).get("payload");
        assertThat(approved.get("previousStatus").asString()).isEqualTo("ASSESSED");
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("decisionId").asString()).isEqualTo(approval.decisionId().toString());
        assertThat(approved.get("axis").asString()).isEqualTo("OPEN_DATA");
        assertThat(envelopes.get(4).get("payload").get("reason").asString()).isEqualTo("Marché notifié");
        assertThat(envelopes.get(6).get("payload").get("plannedDate").asString()).isEqualTo("2026-01-15");
        assertThat(envelopes.get(6).get("payload").get("actualDate").asString()).isEqualTo("2026-01-20");
    }

    @Test
    void aRoadmapsAdoptionAndClosureArePublished() {
        String roadmapId = createRoadmap(VALMONT_AGENT);
        DecisionPublished adoption = decision(VALMONT, "ROADMAP_ADOPTION", roadmapId, "APPROVED");
        publishToGovernance(envelope(adoption));
        awaitRead("/api/portfolio/roadmaps/" + roadmapId, VALMONT_AGENT, json -> json.get("status").asString().equals("ADOPTED"));
        assertThat(http.post("/api/portfolio/roadmaps/" + roadmapId + "/close", "{\"finalAssessment\": \"Bilan positif\"}",
                VALMONT_AGENT, null).status()).isEqualTo(200);

        List<JsonNode> envelopes = awaitRecords(roadmapId, 3).stream().map(record -> JSON.readTree(record.value())).toList();
        assertThat(envelopes).extracting(envelope -> envelope.get("type").asString())
                .containsExactly("portfolio.RoadmapDrafted", "portfolio.RoadmapAdopted", "portfolio.RoadmapClosed");
        assertThat(envelopes.get(1).get("payload").get("decisionId").asString()).isEqualTo(adoption.decisionId().toString());
        assertThat(envelopes.get(1).get("payload").get("startYear").asInt()).isEqualTo(2026);
        assertThat(envelopes.get(2).get("payload").get("finalAssessment").asString()).isEqualTo("Bilan positif");
    }

    private static List<ConsumerRecord<String, String>> awaitRecords(String key, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.PORTFOLIO));
            Instant deadline = Instant.now().plusSeconds(30);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
                if (found.size() >= count) {
                    return found;
                }
            }
            throw new AssertionError("Expected " + count + " records keyed " + key + " on " + Topics.PORTFOLIO + "; got " + found.size());
        }
    }
}

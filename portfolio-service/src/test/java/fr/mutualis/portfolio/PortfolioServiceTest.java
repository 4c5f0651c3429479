package fr.mutualis.portfolio;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.governance.DecisionPublished;
import fr.mutualis.testsupport.ServiceIntegrationTest;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.testsupport.TestEvents;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every integration test of the service shares: ONE Spring context (same configuration, same registration, so
 * Spring caches it) on the real PostgreSQL and Kafka, real tokens, and helpers to drive the API and Kafka.
 */
public abstract class PortfolioServiceTest extends ServiceIntegrationTest {

    protected static final String CAGV_SHARED_ADMIN = ISSUER.token("cagv-shared-admin", List.of(CAGV),
            List.of("SHARED_SERVICE_ADMIN"));
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    // Driving the API

    protected String createRoadmap(String token) {
        var created = http.post("/api/portfolio/roadmaps", roadmapJson(2026, 2028), token, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    protected String proposeProject(String roadmapId, String token) {
        return proposeProject(roadmapId, "Portail open data", token);
    }

    protected String proposeProject(String roadmapId, String title, String token) {
        var created = http.post("/api/portfolio/projects", projectJson(roadmapId).replace("Portail open data", title), token, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    protected TestHttp.Response assess(String projectId, String token, int... scores) {
        return http.post("/api/portfolio/projects/" + projectId + "/assessment", scoresJson(scores), token, null);
    }

    protected TestHttp.Response postIfMatch(String path, String body, String token, String ifMatch) {
        return http.send(http.request(path, token, null).header("Content-Type", "application/json")
                .header("If-Match", ifMatch).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected TestHttp.Response putIfMatch(String path, String body, String token, String ifMatch) {
        return http.send(http.request(path, token, null).header("Content-Type", "application/json")
                .header("If-Match", ifMatch).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Waits until the read model shows the resource at {@code path} as {@code expected}. */
    protected JsonNode awaitRead(String path, String token, Predicate<JsonNode> expected) {
        return await().atMost(PATIENCE).until(() -> {
            var answer = http.get(path, token, null);
            return answer.status() == 200 ? answer.json() : null;
        }, json -> json != null && expected.test(json));
    }

    protected JsonNode awaitProject(String projectId, String token, Predicate<JsonNode> expected) {
        return awaitRead("/api/portfolio/projects/" + projectId, token, expected);
    }

    protected JsonNode awaitStatus(String projectId, String token, String status) {
        return awaitProject(projectId, token, project -> status.equals(project.get("status").asString()));
    }

    protected long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    protected long eventCount(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", aggregateId).query(Long.class).single();
    }

    // Governance, as it speaks on Kafka

    /** A governance decision on {@code subjectId}, by an instance owned by {@code owner}. */
    protected static DecisionPublished decision(String owner, String kind, String subjectId, String outcome) {
        return new DecisionPublished(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), owner,
                "PORTFOLIO_STEERING_COMMITTEE", UUID.randomUUID(), kind, subjectId, "Point " + kind, outcome,
                outcome.equals("APPROVED") ? 7 : 2, outcome.equals("APPROVED") ? 1 : 6, 0, List.of(),
                LocalDate.of(2026, 4, 2));
    }

    protected static EventEnvelope envelope(String type, String owner, String aggregateId, Record payload) {
        return new EventEnvelope(UUID.randomUUID(), type, 1, Instant.now(), owner, aggregateId, 0,
                "test-" + UUID.randomUUID(), JSON.valueToTree(payload));
    }

    protected static EventEnvelope envelope(DecisionPublished decision) {
        return envelope("governance.DecisionPublished", decision.ownerId(), decision.sessionId().toString(), decision);
    }

    protected static void publishToGovernance(EventEnvelope envelope) {
        TestEvents.publish(Topics.GOVERNANCE, envelope);
    }

    /** Approves an assessed project the only way there is: an approved PROJECT_GATE decision of its owner. */
    protected DecisionPublished approveThroughGovernance(String projectId, String owner, String token) {
        DecisionPublished approval = decision(owner, "PROJECT_GATE", projectId, "APPROVED");
        publishToGovernance(envelope(approval));
        awaitStatus(projectId, token, "APPROVED");
        return approval;
    }

    protected String awaitReceipt(UUID decisionId) {
        return await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT effect FROM governance_decision_receipt WHERE decision_id = :id")
                .param("id", decisionId).query(String.class).optional().orElse(null), effect -> effect != null);
    }

    // Bodies

    protected static String roadmapJson(int start, int end) {
        return """
                {"title": "Schéma directeur numérique", "startYear": %d, "endYear": %d,
                 "axes": ["OPEN_DATA", "DEMATERIALISATION"]}""".formatted(start, end);
    }

    protected static String projectJson(String roadmapId) {
        return """
                {"roadmapId": "%s", "title": "Portail open data", "description": "Publier les jeux de données",
                 "axis": "OPEN_DATA", "theme": "USER_SERVICES", "sponsor": "Adjointe au numérique", "manager": "Chef de projet DSI",
                 "plannedStart": "2026-03-01", "plannedEnd": "2026-12-31",
                 "estimatedInvestmentCents": 5000000, "estimatedOperatingCents": 1200000}""".formatted(roadmapId);
    }

    protected static String scoresJson(int... scores) {
        int[] s = scores.length == 0 ? new int[]{4, 4, 3, 2, 4, 1} : scores;
        return """
                {"strategicAlignment": %d, "userValue": %d, "agentValue": %d, "legalObligation": %d,
                 "feasibility": %d, "risk": %d}""".formatted(s[0], s[1], s[2], s[3], s[4], s[5]);
    }

    protected static void assertProblem(TestHttp.Response answer, int status, String... mentions) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        if (mentions.length > 0) {
            assertThat(answer.body()).as(answer.toString()).contains(mentions);
        }
    }
}

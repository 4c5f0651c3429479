package fr.mutualis.portfolio.api;

import fr.mutualis.portfolio.PortfolioServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The project lifecycle over HTTP: assessment, governance approval, the managers' moves, versions and history. */
class ProjectLifecycleApiTest extends PortfolioServiceTest {

    @Test
    void aProjectGoesThroughItsWholeLifecycle() {
        String projectId = proposeProject(createRoadmap(VALMONT_AGENT), VALMONT_AGENT);

        var assessed = assess(projectId, VALMONT_AGENT, 5, 4, 3, 2, 4, 1);
        assertThat(assessed.status()).as(assessed.toString()).isEqualTo(200);
        assertThat(assessed.json().get("status").asString()).isEqualTo("ASSESSED");
        assertThat(assessed.json().get("version").asLong()).isEqualTo(2);
        JsonNode project = awaitStatus(projectId, VALMONT_AGENT, "ASSESSED");
        assertThat(project.get("scores").get("strategicAlignment").asInt()).isEqualTo(5);
        // (5+4+3+2+4+(5-1)) / 30 with equal weights
        assertThat(project.get("priority").asDouble()).isEqualTo(73.3);

        var approval = approveThroughGovernance(projectId, VALMONT, VALMONT_AGENT);
        assertThat(awaitStatus(projectId, VALMONT_AGENT, "APPROVED").get("approvalDecisionId").asString())
                .isEqualTo(approval.decisionId().toString());

        expectMove(projectId, "start", "IN_PROGRESS", 4);
        expectMove(projectId, "hold", "ON_HOLD", 5);
        expectMove(projectId, "resume", "IN_PROGRESS", 6);
        expectMove(projectId, "deliver", "DELIVERED", 7);
        expectMove(projectId, "close", "CLOSED", 8);
        JsonNode closed = awaitStatus(projectId, VALMONT_AGENT, "CLOSED");
        assertThat(closed.get("version").asLong()).isEqualTo(8);

        List<String> types = http.get("/api/portfolio/projects/" + projectId + "/history", VALMONT_AGENT, null).json()
                .valueStream().map(entry -> entry.get("type").asString()).toList();
        assertThat(types).containsExactly("ProjectProposed", "ProjectAssessed", "ProjectStatusChanged",
                "ProjectStatusChanged", "ProjectStatusChanged", "ProjectStatusChanged", "ProjectStatusChanged",
                "ProjectStatusChanged", "ProjectStatusChanged");
    }

    @Test
    void aProjectIsCancelledWithItsReasonBeforeDeliveryOnly() {
        String projectId = proposeProject(createRoadmap(VALMONT_AGENT), VALMONT_AGENT);
        var cancelled = http.post("/api/portfolio/projects/" + projectId + "/cancel",
                "{\"reason\": \"Remplacé par l'offre régionale\"}", VALMONT_AGENT, null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        awaitStatus(projectId, VALMONT_AGENT, "CANCELLED");
        JsonNode last = http.get("/api/portfolio/projects/" + projectId + "/history", VALMONT_AGENT, null).json().get(1);
        assertThat(last.get("event").get("reason").asString()).isEqualTo("Remplacé par l'offre régionale");

        assertProblem(http.post("/api/portfolio/projects/" + projectId + "/cancel", "", VALMONT_AGENT, null), 409, "CANCELLED");
    }

    @Test
    void everyForbiddenMoveAnswers409NamingTheCurrentStateAndChangesNothing() {
        String projectId = proposeProject(createRoadmap(VALMONT_AGENT), VALMONT_AGENT);
        for (String move : List.of("start", "hold", "resume", "deliver", "close")) {
            assertConflict(projectId, move, "PROPOSED");
        }
        assertThat(assess(projectId, VALMONT_AGENT).status()).isEqualTo(200);
        for (String move : List.of("start", "hold", "resume", "deliver", "close")) {
            assertConflict(projectId, move, "ASSESSED");
        }
        approveThroughGovernance(projectId, VALMONT, VALMONT_AGENT);
        for (String move : List.of("hold", "resume", "deliver", "close")) {
            assertConflict(projectId, move, "APPROVED");
        }
        assertProblem(assess(projectId, VALMONT_AGENT), 409, "APPROVED");
        expectMove(projectId, "start", "IN_PROGRESS", 4);
        for (String move : List.of("start", "resume", "close")) {
            assertConflict(projectId, move, "IN_PROGRESS");
        }
        expectMove(projectId, "hold", "ON_HOLD", 5);
        for (String move : List.of("start", "hold", "deliver", "close")) {
            assertConflict(projectId, move, "ON_HOLD");
        }
        expectMove(projectId, "resume", "IN_PROGRESS", 6);
        expectMove(projectId, "deliver", "DELIVERED", 7);
        for (String move : List.of("start", "hold", "resume", "deliver", "cancel")) {
            assertConflict(projectId, move, "DELIVERED");
        }
        expectMove(projectId, "close", "CLOSED", 8);
        for (String move : List.of("start", "hold", "resume", "deliver", "close", "cancel")) {
            assertConflict(projectId, move, "CLOSED");
        }
    }

    @Test
    void theVersionIsTheETagAndAStaleIfMatchIsRefused() {
        String projectId = proposeProject(createRoadmap(VALMONT_AGENT), VALMONT_AGENT);
        awaitStatus(projectId, VALMONT_AGENT, "PROPOSED");
        var read = http.get("/api/portfolio/projects/" + projectId, VALMONT_AGENT, null);
        String etag = read.header("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"0\"");

        var assessed = postIfMatch("/api/portfolio/projects/" + projectId + "/assessment", scoresJson(), VALMONT_AGENT, etag);
        assertThat(assessed.status()).as(assessed.toString()).isEqualTo(200);
        long version = assessed.json().get("version").asLong();
        assertThat(version).isEqualTo(2);
        awaitProject(projectId, VALMONT_AGENT, project -> project.get("version").asLong() == version);
        assertThat(http.get("/api/portfolio/projects/" + projectId, VALMONT_AGENT, null).header("ETag")).contains("\"2\"");

        long events = eventCount(projectId);
        assertProblem(postIfMatch("/api/portfolio/projects/" + projectId + "/assessment", scoresJson(), VALMONT_AGENT, etag),
                409, "stale-version");
        assertProblem(postIfMatch("/api/portfolio/projects/" + projectId + "/cancel", "{}", VALMONT_AGENT, "\"1\""),
                409, "stale-version");
        assertProblem(postIfMatch("/api/portfolio/projects/" + projectId + "/cancel", "{}", VALMONT_AGENT, "\"7\""),
                409, "stale-version");
        assertProblem(postIfMatch("/api/portfolio/projects/" + projectId + "/cancel", "{}", VALMONT_AGENT, "yesterday"),
                400, "If-Match");
        // RFC 9110 compares If-Match strongly: a weak tag never matches, even of the current version.
        assertProblem(postIfMatch("/api/portfolio/projects/" + projectId + "/cancel", "{}", VALMONT_AGENT, "W/\"2\""),
                412, "If-Match");
        assertThat(eventCount(projectId)).isEqualTo(events);

        var cancelled = postIfMatch("/api/portfolio/projects/" + projectId + "/cancel", "{}", VALMONT_AGENT, "\"2\"");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("version").asLong()).isEqualTo(3);
    }

    @Test
    void assessmentInputIsValidated() {
        String projectId = proposeProject(createRoadmap(VALMONT_AGENT), VALMONT_AGENT);
        String path = "/api/portfolio/projects/" + projectId + "/assessment";
        long events = eventCount(projectId);
        assertProblem(assess(projectId, VALMONT_AGENT, 6, 0, 0, 0, 0, 0), 400, "strategicAlignment");
        assertProblem(assess(projectId, VALMONT_AGENT, 0, 0, 0, 0, 0, -1), 400, "risk");
        assertProblem(http.post(path, "{\"strategicAlignment\": 3}", VALMONT_AGENT, null), 400, "userValue");
        assertProblem(http.post(path, scoresJson().replace("\"feasibility\": 4", "\"feasibility\": \"high\""), VALMONT_AGENT, null),
                400, "feasibility");
        assertProblem(http.post(path, "{\"strategicAlignment\": ", VALMONT_AGENT, null), 400, "Malformed JSON");
        assertProblem(http.post("/api/portfolio/projects/not-a-uuid/assessment", scoresJson(), VALMONT_AGENT, null), 400, "id");
        assertProblem(http.post("/api/portfolio/projects/" + projectId + "/cancel", "{\"reason\": \"" + "x".repeat(2001) + "\"}",
                VALMONT_AGENT, null), 400, "reason");
        assertThat(eventCount(projectId)).isEqualTo(events);
    }

    @Test
    void unknownAndForeignProjectsAnswer404ToEveryWrite() {
        String projectId = proposeProject(createRoadmap(VALMONT_AGENT), VALMONT_AGENT);
        String unknown = UUID.randomUUID().toString();
        long events = eventCount(projectId);
        for (String id : List.of(unknown, projectId)) {
            String token = id.equals(unknown) ? VALMONT_AGENT : STAUBIN_AGENT;
            assertProblem(assess(id, token), 404);
            for (String move : List.of("start", "hold", "resume", "deliver", "close", "cancel")) {
                assertProblem(http.post("/api/portfolio/projects/" + id + "/" + move, "{}", token, null), 404);
            }
            assertProblem(http.get("/api/portfolio/projects/" + id + "/history", token, null), 404);
        }
        assertThat(eventCount(projectId)).isEqualTo(events);
        // The administering EPCI does not see a member's private project either.
        assertProblem(http.get("/api/portfolio/projects/" + projectId, CAGV_SHARED_ADMIN, null), 404);
        assertProblem(assess(projectId, CAGV_SHARED_ADMIN), 404);
    }

    @Test
    void aRoadmapsIdIsNoProjectAndAProjectsIdIsNoRoadmap() {
        String roadmapId = createRoadmap(VALMONT_AGENT);
        String projectId = proposeProject(roadmapId, VALMONT_AGENT);
        long events = eventCount(roadmapId) + eventCount(projectId);
        assertProblem(assess(roadmapId, VALMONT_AGENT), 404);
        assertProblem(http.post("/api/portfolio/projects/" + roadmapId + "/cancel", "{}", VALMONT_AGENT, null), 404);
        assertProblem(http.post("/api/portfolio/projects/" + roadmapId + "/milestones",
                "{\"title\": \"Recette\", \"plannedDate\": \"2026-06-30\"}", VALMONT_AGENT, null), 404);
        assertProblem(http.post("/api/portfolio/projects", projectJson(projectId), VALMONT_AGENT, null), 404);
        assertProblem(http.put("/api/portfolio/roadmaps/" + projectId + "/weights",
                "{\"strategicAlignment\": 1, \"userValue\": 1, \"agentValue\": 1, \"legalObligation\": 1, \"feasibility\": 1, \"risk\": 1}",
                VALMONT_AGENT, null), 404);
        assertProblem(http.post("/api/portfolio/roadmaps/" + projectId + "/close", "{\"finalAssessment\": \"Bilan\"}", VALMONT_AGENT, null), 404);
        assertThat(eventCount(roadmapId) + eventCount(projectId)).isEqualTo(events);
    }

    @Test
    void theHistoryTellsWhoDidWhatForWhichTenantInWhichRequest() {
        String roadmapId = createRoadmap(VALMONT_AGENT);
        String projectId = proposeProject(roadmapId, VALMONT_AGENT);
        http.send(http.request("/api/portfolio/projects/" + projectId + "/assessment", VALMONT_AGENT, null)
                .header("Content-Type", "application/json").header("X-Correlation-Id", "assess-42")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(scoresJson())));
        var approval = approveThroughGovernance(projectId, VALMONT, VALMONT_AGENT);

        JsonNode history = http.get("/api/portfolio/projects/" + projectId + "/history", VALMONT_AGENT, null).json();
        assertThat(history.size()).isEqualTo(4);
        JsonNode assessment = history.get(1);
        assertThat(assessment.get("type").asString()).isEqualTo("ProjectAssessed");
        assertThat(assessment.get("userId").asString()).isEqualTo("valmont-agent");
        assertThat(assessment.get("tenantId").asString()).isEqualTo(VALMONT);
        assertThat(assessment.get("correlationId").asString()).isEqualTo("assess-42");
        assertThat(assessment.get("occurredAt").asString()).isNotBlank();
        JsonNode approved = history.get(3);
        assertThat(approved.get("userId").asString()).isEqualTo("governance");
        assertThat(approved.get("event").get("decisionId").asString()).isEqualTo(approval.decisionId().toString());

        assertThat(http.get("/api/portfolio/roadmaps/" + roadmapId + "/history", VALMONT_AGENT, null).json().get(0)
                .get("type").asString()).isEqualTo("RoadmapDrafted");
        assertProblem(http.get("/api/portfolio/roadmaps/" + roadmapId + "/history", STAUBIN_AGENT, null), 404);
        // A project id is not a roadmap's history, and the reverse.
        assertProblem(http.get("/api/portfolio/roadmaps/" + projectId + "/history", VALMONT_AGENT, null), 404);
        assertProblem(http.get("/api/portfolio/projects/" + roadmapId + "/history", VALMONT_AGENT, null), 404);
    }

    private void expectMove(String projectId, String move, String status, long version) {
        var answer = http.post("/api/portfolio/projects/" + projectId + "/" + move, "{\"reason\": \"" + move + "\"}", VALMONT_AGENT, null);
        assertThat(answer.status()).as(move + " " + answer).isEqualTo(200);
        assertThat(answer.json().get("status").asString()).isEqualTo(status);
        assertThat(answer.json().get("version").asLong()).isEqualTo(version);
    }

    private void assertConflict(String projectId, String move, String currentState) {
        long events = eventCount(projectId);
        var answer = http.post("/api/portfolio/projects/" + projectId + "/" + move, "", VALMONT_AGENT, null);
        assertProblem(answer, 409, currentState);
        assertThat(answer.json().get("currentState").asString()).as(move).isEqualTo(currentState);
        assertThat(eventCount(projectId)).as(move).isEqualTo(events);
    }
}

package fr.mutualis.portfolio.api;

import fr.mutualis.portfolio.PortfolioServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Priorisation: per-roadmap weights and the ranking, recomputed when scores or weights change. */
class PriorityApiTest extends PortfolioServiceTest {

    @Test
    void theRankingFollowsScoresAndWeights() {
        String roadmapId = createRoadmap(VALMONT_AGENT);
        String a = proposeProject(roadmapId, "A - Parapheur électronique", VALMONT_AGENT);
        String b = proposeProject(roadmapId, "B - Conformité RGPD", VALMONT_AGENT);
        String c = proposeProject(roadmapId, "C - Bornes d'accueil", VALMONT_AGENT);
        String notAssessed = proposeProject(roadmapId, "D - Pas encore évalué", VALMONT_AGENT);
        String cancelled = proposeProject(roadmapId, "E - Abandonné", VALMONT_AGENT);
        assertThat(assess(a, VALMONT_AGENT, 5, 5, 5, 5, 5, 0).status()).isEqualTo(200);
        assertThat(assess(b, VALMONT_AGENT, 0, 0, 0, 5, 0, 5).status()).isEqualTo(200);
        assertThat(assess(c, VALMONT_AGENT, 2, 2, 2, 0, 2, 2).status()).isEqualTo(200);
        assertThat(assess(cancelled, VALMONT_AGENT, 5, 5, 5, 5, 5, 0).status()).isEqualTo(200);
        assertThat(http.post("/api/portfolio/projects/" + cancelled + "/cancel", "{}", VALMONT_AGENT, null).status()).isEqualTo(200);
        awaitStatus(cancelled, VALMONT_AGENT, "CANCELLED");

        // Equal weights by default: A 30/30, C (8+3)/30, B 5/30 (risk 5 counts 0).
        JsonNode ranking = awaitRanking(roadmapId, List.of(a, c, b));
        assertThat(priorities(ranking)).containsExactly(100.0, 36.7, 16.7);
        assertThat(ranking.get("items").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(ranking.get("weights").get("feasibility").asInt()).isEqualTo(1);
        assertThat(ranking.toString()).doesNotContain(notAssessed, cancelled);
        assertThat(awaitProject(c, VALMONT_AGENT, project -> project.has("priority")).get("priority").asDouble()).isEqualTo(36.7);

        // Only the legal obligation counts: B catches up with A, C drops to 0.
        var weighted = http.put("/api/portfolio/roadmaps/" + roadmapId + "/weights", weights(0, 0, 0, 10, 0, 0), VALMONT_AGENT, null);
        assertThat(weighted.status()).as(weighted.toString()).isEqualTo(200);
        assertThat(weighted.json().get("version").asLong()).isEqualTo(1);
        ranking = awaitRanking(roadmapId, List.of(a, b, c));
        assertThat(priorities(ranking)).containsExactly(100.0, 100.0, 0.0);

        // Re-assessed while ASSESSED: the ranking follows the new scores.
        assertThat(assess(b, VALMONT_AGENT, 0, 0, 0, 3, 0, 0).status()).isEqualTo(200);
        assertThat(assess(c, VALMONT_AGENT, 0, 0, 0, 4, 0, 0).status()).isEqualTo(200);
        ranking = awaitRanking(roadmapId, List.of(a, c, b));
        assertThat(priorities(ranking)).containsExactly(100.0, 80.0, 60.0);
        assertThat(awaitStatus(b, VALMONT_AGENT, "ASSESSED").get("scores").get("legalObligation").asInt()).isEqualTo(3);
    }

    @Test
    void weightsAreValidatedAndGuardedLikeAnyWrite() {
        String roadmapId = createRoadmap(VALMONT_AGENT);
        String path = "/api/portfolio/roadmaps/" + roadmapId + "/weights";
        long events = eventCount(roadmapId);
        assertProblem(http.put(path, weights(11, 1, 1, 1, 1, 1), VALMONT_AGENT, null), 400, "strategicAlignment");
        assertProblem(http.put(path, weights(1, -1, 1, 1, 1, 1), VALMONT_AGENT, null), 400, "userValue");
        assertProblem(http.put(path, weights(0, 0, 0, 0, 0, 0), VALMONT_AGENT, null), 400, "at least one weight");
        assertProblem(http.put(path, "{\"strategicAlignment\": 1}", VALMONT_AGENT, null), 400, "risk");
        assertProblem(http.put(path, weights(1, 1, 1, 1, 1, 1).replace("\"risk\": 1", "\"risk\": \"low\""), VALMONT_AGENT, null), 400, "risk");
        assertProblem(http.put(path, "{", VALMONT_AGENT, null), 400);
        assertProblem(http.put(path, weights(1, 1, 1, 1, 1, 1), STAUBIN_AGENT, null), 404);
        assertProblem(http.put("/api/portfolio/roadmaps/" + UUID.randomUUID() + "/weights", weights(1, 1, 1, 1, 1, 1), VALMONT_AGENT, null), 404);
        assertProblem(putIfMatch(path, weights(2, 1, 1, 1, 1, 1), VALMONT_AGENT, "\"3\""), 409, "stale-version");
        assertThat(eventCount(roadmapId)).isEqualTo(events);

        awaitRead("/api/portfolio/roadmaps/" + roadmapId, VALMONT_AGENT, json -> true);
        String etag = http.get("/api/portfolio/roadmaps/" + roadmapId, VALMONT_AGENT, null).header("ETag").orElseThrow();
        var updated = putIfMatch(path, weights(2, 1, 1, 1, 1, 1), VALMONT_AGENT, etag);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertProblem(putIfMatch(path, weights(3, 1, 1, 1, 1, 1), VALMONT_AGENT, etag), 409, "stale-version");
        assertThat(awaitRead("/api/portfolio/roadmaps/" + roadmapId, VALMONT_AGENT, json -> json.get("version").asLong() == 1)
                .get("weights").get("strategicAlignment").asInt()).isEqualTo(2);
    }

    @Test
    void theRankingIsVisibleToTheRoadmapsTenantOnly() {
        String roadmapId = createRoadmap(VALMONT_AGENT);
        awaitRead("/api/portfolio/roadmaps/" + roadmapId, VALMONT_AGENT, json -> true);
        assertThat(http.get("/api/portfolio/roadmaps/" + roadmapId + "/ranking", VALMONT_AGENT, null).json().get("items").size()).isZero();
        assertProblem(http.get("/api/portfolio/roadmaps/" + roadmapId + "/ranking", STAUBIN_AGENT, null), 404);
        assertProblem(http.get("/api/portfolio/roadmaps/" + UUID.randomUUID() + "/ranking", VALMONT_AGENT, null), 404);
        assertProblem(http.get("/api/portfolio/roadmaps/nope/ranking", VALMONT_AGENT, null), 400);
    }

    private JsonNode awaitRanking(String roadmapId, List<String> order) {
        return awaitRead("/api/portfolio/roadmaps/" + roadmapId + "/ranking", VALMONT_AGENT,
                json -> json.get("items").valueStream().map(item -> item.get("projectId").asString()).toList().equals(order));
    }

    private static List<Double> priorities(JsonNode ranking) {
        return ranking.get("items").valueStream().map(item -> item.get("priority").asDouble()).toList();
    }

    private static String weights(int... w) {
        return """
                {"strategicAlignment": %d, "userValue": %d, "agentValue": %d, "legalObligation": %d,
                 "feasibility": %d, "risk": %d}""".formatted(w[0], w[1], w[2], w[3], w[4], w[5]);
    }
}

package fr.mutualis.portfolio.api;

import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.portfolio.PortfolioServiceTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fields of a write that name another object (a project's roadmap, a roadmap's mutualisation, a project's
 * participants): unknown, invisible or of another kind, the refusal names the field, and nothing is recorded.
 */
class ReferenceFieldsApiTest extends PortfolioServiceTest {

    @Test
    void aProjectOnARoadmapTheCallerCannotSeeIsNotFoundNamingRoadmapId() {
        String theirs = createRoadmap(STAUBIN_AGENT);
        String ours = createRoadmap(VALMONT_AGENT);
        var proposed = http.post("/api/portfolio/projects", projectJson(ours), VALMONT_AGENT, null);
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String project = proposed.json().get("id").asString();
        long events = eventCount();
        for (String roadmap : new String[]{theirs, UUID.randomUUID().toString(), project}) {
            assertNotFoundNaming(http.post("/api/portfolio/projects", projectJson(roadmap), VALMONT_AGENT, null), "roadmapId");
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aRoadmapOfAMutualisationTheCallerDoesNotSeeIsNotFoundNamingMutualisationId() {
        long events = eventCount();
        assertNotFoundNaming(http.post("/api/portfolio/roadmaps", """
                {"title": "Schéma directeur mutualisé", "startYear": 2026, "endYear": 2028, "axes": ["OPEN_DATA"],
                 "mutualisationId": "%s"}""".formatted(UUID.randomUUID()), CAGV_SHARED_ADMIN, null), "mutualisationId");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void participantsOfATenantsOwnProjectAreABrokenRuleNamingParticipantSirens() {
        String ours = createRoadmap(VALMONT_AGENT);
        var refused = http.post("/api/portfolio/projects", projectJson(ours).replace("\"estimatedOperatingCents\": 1200000",
                "\"estimatedOperatingCents\": 1200000, \"participantSirens\": [\"" + SAINT_AUBIN + "\"]"), VALMONT_AGENT, null);
        assertProblem(refused, 422, "participants-need-a-mutualisation");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("participantSirens");
    }

    private static void assertNotFoundNaming(TestHttp.Response answer, String field) {
        assertProblem(answer, 404);
        assertThat(answer.json().get("errors")).as(answer.toString()).singleElement()
                .satisfies(error -> assertThat(error.get("field").asString()).isEqualTo(field));
    }
}

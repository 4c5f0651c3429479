package fr.mutualis.portfolio.api;

import fr.mutualis.contracts.governance.DecisionPublished;
import fr.mutualis.contracts.governance.MutualisationCreated;
import fr.mutualis.kit.mutualisation.MutualisationDirectory;
import fr.mutualis.portfolio.PortfolioServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shared roadmaps and projects of a mutualisation (service commun), learnt from governance's real
 * {@code MutualisationCreated} record: drafted and managed by the administering EPCI's shared-service administrators,
 * seen by every member, invisible to everyone else.
 */
class MutualisationApiTest extends PortfolioServiceTest {

    @Autowired
    MutualisationDirectory directory;
    UUID mutualisationId;

    @BeforeEach
    void mutualisationPublishedByGovernance() {
        mutualisationId = UUID.randomUUID();
        MutualisationCreated created = new MutualisationCreated(mutualisationId, "DSI commune et SIG", CAGV,
                List.of(VALMONT, SAINT_AUBIN), "POPULATION", Map.of());
        publishToGovernance(envelope("governance.MutualisationCreated", CAGV, mutualisationId.toString(), created));
        await().atMost(Duration.ofSeconds(20)).until(() -> directory.find(mutualisationId).isPresent());
    }

    @Test
    void theAdministratorsDraftASharedRoadmapThatEveryMemberSees() {
        String roadmapId = createSharedRoadmap();
        String projectId = proposeProject(roadmapId, "SIG mutualisé", CAGV_SHARED_ADMIN);

        for (String member : List.of(VALMONT_AGENT, STAUBIN_AGENT, CAGV_AGENT, CAGV_SHARED_ADMIN)) {
            var roadmap = awaitRead("/api/portfolio/roadmaps/" + roadmapId, member, json -> json.get("projectsCount").asInt() == 1);
            assertThat(roadmap.get("ownerId").asString()).isEqualTo(mutualisationId.toString());
            assertThat(http.get("/api/portfolio/projects/" + projectId, member, null).status()).isEqualTo(200);
            assertThat(http.get("/api/portfolio/projects?roadmapId=" + roadmapId, member, null).json().get("total").asLong()).isEqualTo(1);
            assertThat(http.get("/api/portfolio/roadmaps?size=200", member, null).body()).contains(roadmapId);
            assertThat(http.get("/api/portfolio/projects/" + projectId + "/history", member, null).status()).isEqualTo(200);
            assertThat(http.get("/api/portfolio/roadmaps/" + roadmapId + "/ranking", member, null).status()).isEqualTo(200);
        }
        assertProblem(http.get("/api/portfolio/roadmaps/" + roadmapId, AULNES_AGENT, null), 404);
        assertProblem(http.get("/api/portfolio/projects/" + projectId, AULNES_AGENT, null), 404);
        assertProblem(http.get("/api/portfolio/projects/" + projectId + "/history", AULNES_AGENT, null), 404);
        assertThat(http.get("/api/portfolio/projects?size=200", AULNES_AGENT, null).body()).doesNotContain(projectId);
        assertThat(http.get("/api/portfolio/roadmaps?size=200", AULNES_AGENT, null).body()).doesNotContain(roadmapId);
    }

    @Test
    void onlyTheAdministeringEpcisSharedServiceAdministratorsManageIt() {
        String roadmapId = createSharedRoadmap();
        String projectId = proposeProject(roadmapId, "SIG mutualisé", CAGV_SHARED_ADMIN);
        long events = eventCount(projectId);

        // Members see it but may not change it; a stranger does not even see it.
        for (String member : List.of(VALMONT_AGENT, STAUBIN_AGENT, CAGV_AGENT)) {
            assertProblem(assess(projectId, member), 403);
            assertProblem(http.post("/api/portfolio/projects/" + projectId + "/cancel", "{}", member, null), 403);
            assertProblem(http.post("/api/portfolio/projects", projectJson(roadmapId), member, null), 403);
            assertProblem(http.put("/api/portfolio/roadmaps/" + roadmapId + "/weights",
                    "{\"strategicAlignment\": 1, \"userValue\": 1, \"agentValue\": 1, \"legalObligation\": 1, \"feasibility\": 1, \"risk\": 1}",
                    member, null), 403);
        }
        assertProblem(assess(projectId, AULNES_AGENT), 404);
        // A shared-service administrator of another tenant manages nothing here.
        String aulnesAdmin = ISSUER.token("aulnes-admin", List.of(AULNES), List.of("SHARED_SERVICE_ADMIN"));
        assertProblem(assess(projectId, aulnesAdmin), 404);
        assertThat(eventCount(projectId)).isEqualTo(events);

        assertThat(assess(projectId, CAGV_SHARED_ADMIN).status()).isEqualTo(200);
        DecisionPublished approval = approveThroughGovernance(projectId, mutualisationId.toString(), VALMONT_AGENT);
        assertThat(approval.ownerId()).isEqualTo(mutualisationId.toString());
        assertThat(http.post("/api/portfolio/projects/" + projectId + "/start", "{}", CAGV_SHARED_ADMIN, null).status()).isEqualTo(200);
    }

    @Test
    void aSharedProjectNamesItsParticipatingMembers() {
        String roadmapId = createSharedRoadmap();
        String body = projectJson(roadmapId).replace("\"estimatedOperatingCents\": 1200000", "\"estimatedOperatingCents\": 1200000, \"participantSirens\": %s");
        var created = http.post("/api/portfolio/projects", body.formatted("[\"" + VALMONT + "\", \"" + SAINT_AUBIN + "\"]"), CAGV_SHARED_ADMIN, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var project = awaitProject(created.json().get("id").asString(), VALMONT_AGENT, json -> true);
        assertThat(project.get("participantSirens").toString()).contains(VALMONT, SAINT_AUBIN);

        long events = eventCount();
        assertProblem(http.post("/api/portfolio/projects", body.formatted("[\"" + AULNES + "\"]"), CAGV_SHARED_ADMIN, null),
                422, "participant-not-member", AULNES);
        assertProblem(http.post("/api/portfolio/projects", body.formatted("[\"12\"]"), CAGV_SHARED_ADMIN, null), 400, "participantSirens");
        String ownRoadmap = createRoadmap(VALMONT_AGENT);
        long withOwnRoadmap = events + 1;
        assertProblem(http.post("/api/portfolio/projects", projectJson(ownRoadmap).replace("\"estimatedOperatingCents\": 1200000",
                "\"estimatedOperatingCents\": 1200000, \"participantSirens\": [\"" + VALMONT + "\"]"), VALMONT_AGENT, null),
                422, "participants-need-a-mutualisation");
        assertThat(eventCount()).isEqualTo(withOwnRoadmap);
    }

    @Test
    void creatingForAMutualisationNeedsItsAdministratorsRole() {
        long events = eventCount();
        String body = sharedRoadmapJson(mutualisationId);
        assertProblem(http.post("/api/portfolio/roadmaps", body, CAGV_AGENT, null), 403);
        assertProblem(http.post("/api/portfolio/roadmaps", body, VALMONT_AGENT, null), 403);
        assertProblem(http.post("/api/portfolio/roadmaps", body, AULNES_AGENT, null), 404);
        assertProblem(http.post("/api/portfolio/roadmaps", sharedRoadmapJson(UUID.randomUUID()), CAGV_SHARED_ADMIN, null), 404);
        assertProblem(http.post("/api/portfolio/roadmaps", body.replace(mutualisationId.toString(), "dsi-commune"), CAGV_SHARED_ADMIN, null),
                400, "mutualisationId");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aMembersPrivateProjectStaysPrivateEvenForTheAdministeringEpci() {
        String roadmapId = createRoadmap(VALMONT_AGENT);
        String projectId = proposeProject(roadmapId, VALMONT_AGENT);
        awaitStatus(projectId, VALMONT_AGENT, "PROPOSED");
        for (String other : List.of(CAGV_SHARED_ADMIN, CAGV_AGENT, STAUBIN_AGENT)) {
            assertProblem(http.get("/api/portfolio/projects/" + projectId, other, null), 404);
            assertProblem(http.get("/api/portfolio/roadmaps/" + roadmapId, other, null), 404);
            assertProblem(assess(projectId, other), 404);
            assertThat(http.get("/api/portfolio/projects?size=200", other, null).body()).doesNotContain(projectId);
        }
    }

    private String createSharedRoadmap() {
        var created = http.post("/api/portfolio/roadmaps", sharedRoadmapJson(mutualisationId), CAGV_SHARED_ADMIN, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String sharedRoadmapJson(UUID mutualisationId) {
        return """
                {"title": "Schéma directeur mutualisé", "startYear": 2026, "endYear": 2028,
                 "axes": ["LOCAL_HOSTING_CLOUD"], "mutualisationId": "%s"}""".formatted(mutualisationId);
    }
}

package fr.mutualis.e2e;

import fr.mutualis.e2e.support.Platform;
import fr.mutualis.e2e.support.Sirens;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.testsupport.TestHttp.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A steering committee's séance decides on two project gates and a roadmap adoption; closing the séance publishes
 * the decisions on Kafka, and the portfolio service acts on the approved ones only.
 */
@ExtendWith(Platform.class)
class GovernanceDecisionsDrivePortfolioTest {

    private static final String SIREN = Sirens.next();

    private static TestHttp gateway;
    private static String token;

    @BeforeAll
    static void aCommuneWithItsOwnUsers() {
        Platform.stack().registerClient("commune-" + SIREN, "secret", List.of(SIREN), List.of("AGENT", "ELU"));
        token = Platform.stack().token("commune-" + SIREN, "secret");
        gateway = Platform.gateway();
    }

    @Test
    void anApprovedGateApprovesTheProjectARejectedOneDoesNotAndTheRoadmapIsAdopted() {
        String roadmap = created(gateway.post("/api/portfolio/roadmaps", """
                {"title": "Schéma directeur du numérique 2026-2028", "startYear": 2026, "endYear": 2028,
                 "axes": ["DEMATERIALISATION", "E_INCLUSION"]}""", token, null));
        String approved = assessedProject(roadmap, "Gestion électronique des courriers", "DEMATERIALISATION");
        String rejected = assessedProject(roadmap, "Bornes numériques en mairie", "E_INCLUSION");

        String instance = created(gateway.post("/api/governance/instances", """
                {"name": "Comité de pilotage du portefeuille", "kind": "PORTFOLIO_STEERING_COMMITTEE",
                 "cadence": "QUARTERLY", "members": [
                   {"personId": "maire", "name": "Maire", "role": "Maire", "collectiviteSiren": "%1$s", "voting": true, "chair": true},
                   {"personId": "dgs", "name": "DGS", "role": "DGS", "collectiviteSiren": "%1$s", "voting": true},
                   {"personId": "elu-numerique", "name": "Élue au numérique", "role": "Élue", "collectiviteSiren": "%1$s", "voting": true}]}"""
                .formatted(SIREN), token, null));
        Response session = gateway.post("/api/governance/instances/" + instance + "/sessions", """
                {"scheduledAt": "%s", "agenda": [
                   {"kind": "PROJECT_GATE", "title": "Go du projet GEC", "subjectId": "%s"},
                   {"kind": "PROJECT_GATE", "title": "Go des bornes", "subjectId": "%s"},
                   {"kind": "ROADMAP_ADOPTION", "title": "Adoption du schéma directeur", "subjectId": "%s"}]}"""
                .formatted(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), approved, rejected, roadmap), token, null);
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        String sessionId = session.json().get("id").asString();
        List<String> items = session.json().get("agendaItemIds").valueStream().map(id -> id.asString()).toList();

        ok(gateway.put("/api/governance/sessions/" + sessionId + "/attendance",
                "{\"present\": [\"maire\", \"dgs\", \"elu-numerique\"]}", token, null));
        assertThat(decide(sessionId, items.get(0), 3, 0)).isEqualTo("APPROVED");
        assertThat(decide(sessionId, items.get(1), 0, 3)).isEqualTo("REJECTED");
        assertThat(decide(sessionId, items.get(2), 2, 1)).isEqualTo("APPROVED");

        assertThat(status("/api/portfolio/projects/" + approved)).as("nothing happens before the séance closes")
                .isEqualTo("ASSESSED");
        ok(gateway.post("/api/governance/sessions/" + sessionId + "/close", "", token, null));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(status("/api/portfolio/projects/" + approved)).isEqualTo("APPROVED");
            assertThat(status("/api/portfolio/roadmaps/" + roadmap)).isEqualTo("ADOPTED");
        });
        // decisions of one séance are applied in agenda order: the rejected gate came between the two above
        assertThat(status("/api/portfolio/projects/" + rejected)).isEqualTo("ASSESSED");

        Response history = gateway.get("/api/portfolio/projects/" + approved + "/history", token, null);
        assertThat(history.body()).contains("governance");
    }

    private String assessedProject(String roadmap, String title, String axis) {
        String project = created(gateway.post("/api/portfolio/projects", """
                {"roadmapId": "%s", "title": "%s", "description": "", "axis": "%s", "theme": "USER_SERVICES",
                 "sponsor": "Élue au numérique", "manager": "DSI", "plannedStart": "2026-04-01",
                 "plannedEnd": "2027-03-31", "estimatedInvestmentCents": 4000000, "estimatedOperatingCents": 600000}"""
                .formatted(roadmap, title, axis), token, null));
        ok(gateway.post("/api/portfolio/projects/" + project + "/assessment", """
                {"strategicAlignment": 4, "userValue": 5, "agentValue": 3, "legalObligation": 2, "feasibility": 4,
                 "risk": 2}""", token, null));
        return project;
    }

    private String decide(String session, String item, int votesFor, int votesAgainst) {
        Response decision = gateway.post("/api/governance/sessions/" + session + "/decisions", """
                {"agendaItemId": "%s", "votesFor": %d, "votesAgainst": %d, "abstentions": 0}"""
                .formatted(item, votesFor, votesAgainst), token, null);
        assertThat(decision.status()).as(decision.body()).isEqualTo(201);
        return decision.json().get("outcome").asString();
    }

    private String status(String path) {
        Response response = gateway.get(path, token, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("status").asString();
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}

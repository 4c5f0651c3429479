package fr.mutualis.budget.api;

import fr.mutualis.budget.BudgetIntegrationTest;
import fr.mutualis.contracts.governance.MutualisationCreated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lines of a mutualisation (owner = the mutualisation): the administering EPCI's SHARED_SERVICE_ADMIN opens, votes and
 * spends them; every member reads them; a member writing is 403; a non-member gets 404 as for an unknown line.
 */
class MutualisationLineApiTest extends BudgetIntegrationTest {

    final UUID shared = UUID.randomUUID();

    @BeforeEach
    void governancePublishedTheMutualisation() {
        publishGovernance(shared.toString(), CAGV, new MutualisationCreated(shared, "DSI commune", CAGV,
                List.of(VALMONT, SAINT_AUBIN), "POPULATION", Map.of()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM kit_mutualisation WHERE mutualisation_id = :id")
                .param("id", shared).query(Long.class).single() == 1);
    }

    @Test
    void theAdministeringEpciManagesTheSharedLineAndEveryMemberReadsIt() {
        var created = http.post("/api/budget/lines", sharedLine(shared), CAGV_ADMIN, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String line = created.json().get("id").asString();
        // Read-your-writes: the very next request finds the line.
        JsonNode read = line(line, VALMONT_AGENT);
        assertThat(read.get("ownerId").asString()).isEqualTo(shared.toString());
        assertThat(read.get("mutualisationId").asString()).isEqualTo(shared.toString());
        assertThat(line(line, CAGV_AGENT).get("label").asString()).isEqualTo("Infogérance mutualisée");

        vote(CAGV_ADMIN, 2026, "BP", line, 40_000);
        var engagement = http.post("/api/budget/lines/" + line + "/engagements", spending(15_000, "BC-DSI-1", "2026-03-01"), CAGV_ADMIN, null);
        assertThat(engagement.status()).as(engagement.toString()).isEqualTo(201);
        String engagementId = engagement.json().get("id").asString();
        assertThat(http.get("/api/budget/engagements/" + engagementId, STAUBIN_AGENT, null).status()).isEqualTo(200);
        var mandate = http.post("/api/budget/engagements/" + engagementId + "/mandates", spending(5_000, "M-DSI-1", "2026-04-01"), CAGV_ADMIN, null);
        assertThat(mandate.status()).as(mandate.toString()).isEqualTo(201);
        assertThat(http.get("/api/budget/mandates/" + mandate.json().get("id").asString(), VALMONT_AGENT, null).status()).isEqualTo(200);

        JsonNode listed = http.get("/api/budget/lines?mutualisationId=" + shared, VALMONT_AGENT, null).json();
        assertThat(listed.get("items")).extracting(item -> item.get("id").asString()).containsExactly(line);
        assertThat(http.get("/api/budget/lines?fiscalYear=2026&size=200", VALMONT_AGENT, null).json().get("items"))
                .extracting(item -> item.get("id").asString()).doesNotContain(line);
        JsonNode summary = http.get("/api/budget/summary?fiscalYear=2026&mutualisationId=" + shared, STAUBIN_AGENT, null).json();
        assertThat(summary.get("operating").get("votedCents").asLong()).isEqualTo(40_000);
        assertThat(summary.get("operating").get("engagedCents").asLong()).isEqualTo(15_000);
        assertThat(summary.get("operating").get("mandatedCents").asLong()).isEqualTo(5_000);
    }

    @Test
    void aMemberCannotChangeTheSharedLineAndANonMemberDoesNotSeeIt() {
        String line = http.post("/api/budget/lines", sharedLine(shared), CAGV_ADMIN, null).json().get("id").asString();
        vote(CAGV_ADMIN, 2026, "BP", line, 40_000);
        String engagementId = http.post("/api/budget/lines/" + line + "/engagements", spending(15_000, "BC-DSI-2", "2026-03-01"),
                CAGV_ADMIN, null).json().get("id").asString();
        long events = eventCount();

        assertProblem(http.post("/api/budget/lines", sharedLine(shared), VALMONT_AGENT, null), 403, "forbidden");
        assertProblem(http.post("/api/budget/lines", sharedLine(shared), CAGV_AGENT, null), 403, "forbidden");
        assertProblem(http.post("/api/budget/lines", sharedLine(shared), AULNES_AGENT, null), 404, "not-found");
        assertProblem(http.post("/api/budget/lines", sharedLine(UUID.randomUUID()), CAGV_ADMIN, null), 404, "not-found");
        assertProblem(http.post("/api/budget/votes", """
                {"fiscalYear": 2026, "stage": "DM", "lines": [{"lineId": "%s", "creditsCents": 90000}]}""".formatted(line),
                VALMONT_AGENT, null), 403, "forbidden");
        assertProblem(http.post("/api/budget/lines/" + line + "/engagements", spending(1, "BC", "2026-03-02"), VALMONT_AGENT, null), 403, "forbidden");
        assertProblem(http.post("/api/budget/engagements/" + engagementId + "/mandates", spending(1, "M", "2026-03-02"), STAUBIN_AGENT, null), 403, "forbidden");
        assertProblem(http.post("/api/budget/lines/" + line + "/engagements", spending(1, "BC", "2026-03-02"), AULNES_AGENT, null), 404, "not-found");
        assertProblem(http.post("/api/budget/engagements/" + engagementId + "/mandates", spending(1, "M", "2026-03-02"), AULNES_AGENT, null), 404, "not-found");
        assertProblem(http.get("/api/budget/lines/" + line, AULNES_AGENT, null), 404, "not-found");
        assertProblem(http.get("/api/budget/engagements/" + engagementId, AULNES_AGENT, null), 404, "not-found");
        assertProblem(http.get("/api/budget/lines?mutualisationId=" + shared, AULNES_AGENT, null), 404, "not-found");
        assertProblem(http.get("/api/budget/summary?fiscalYear=2026&mutualisationId=" + shared, AULNES_AGENT, null), 404, "not-found");
        assertBadRequest(http.post("/api/budget/lines", sharedLine(shared).replace(shared.toString(), "pas-un-uuid"), CAGV_ADMIN, null),
                "mutualisationId");
        assertBadRequest(http.get("/api/budget/lines?mutualisationId=pas-un-uuid", CAGV_ADMIN, null), "mutualisationId");

        assertThat(eventCount()).isEqualTo(events);
        JsonNode unchanged = line(line, CAGV_ADMIN);
        assertThat(unchanged.get("votedCents").asLong()).isEqualTo(40_000);
        assertThat(unchanged.get("engagedCents").asLong()).isEqualTo(15_000);
        assertThat(unchanged.get("mandatedCents").asLong()).isZero();
    }

    /** The EPCI carries the services communs it administers in its own budget: its open data shows their lines. */
    @Test
    void theAdministeringEpcisScdlExportCarriesTheSharedLines() {
        directoryHasTheDemoTerritory();
        String line = http.post("/api/budget/lines", sharedLine(shared).replace("2026", "2033"), CAGV_ADMIN, null)
                .json().get("id").asString();
        vote(CAGV_ADMIN, 2033, "BP", line, 40_000);
        awaitLine(line, CAGV_ADMIN, read -> read.get("votedCents").asLong() == 40_000);

        List<String> epci = http.get("/api/budget/exports/scdl?fiscalYear=2033&stage=BP", CAGV_AGENT, null).body().lines().toList();
        assertThat(epci).hasSize(2);
        assertThat(epci.get(1)).startsWith("\"budget primitif\",2033,\"" + siret(CAGV) + "\",")
                .contains(",\"011\",\"Charges à caractère général\",\"011\",\"DSI commune : Infogérance mutualisée\",")
                .contains(",\"fonctionnement\",\"réel\",\"dépense\",,0.00,,400.00,400.00,400.00,,");
        assertThat(http.get("/api/budget/exports/scdl?fiscalYear=2033&stage=BP", VALMONT_AGENT, null).body().lines())
                .as("a member's share is an allocation, not a line of its budget").hasSize(1);
    }

    private static String sharedLine(UUID mutualisation) {
        return """
                {"fiscalYear": 2026, "section": "OPERATING", "chapter": "011", "label": "Infogérance mutualisée",
                 "mutualisationId": "%s", "plannedCents": 40000}""".formatted(mutualisation);
    }
}

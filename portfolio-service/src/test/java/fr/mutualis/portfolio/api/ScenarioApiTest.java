package fr.mutualis.portfolio.api;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.budget.CreditsVoted;
import fr.mutualis.contracts.budget.LineCreditsTransferred;
import fr.mutualis.contracts.budget.ProgrammeCreated;
import fr.mutualis.contracts.governance.DecisionPublished;
import fr.mutualis.portfolio.PortfolioServiceTest;
import fr.mutualis.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What-if scenarios through the API: defined on a roadmap, compared per year and section with envelopes entered or
 * taken from the budget's open credits (consumed from the budget's topic), validated, walled per tenant, and chosen
 * by governance.
 */
class ScenarioApiTest extends PortfolioServiceTest {

    @Test
    void aScenarioComparesItsProjectsYearlyCostsWithEnvelopesEnteredOrFromTheBudgetsCredits() {
        String roadmapId = createRoadmap(VALMONT_AGENT);
        String picked = project(roadmapId, "A - Portail open data", "OPEN_DATA", "2026-03-01", "2027-12-31", 1_000_001, 200_000);
        String approved = project(roadmapId, "B - Parapheur", "DEMATERIALISATION", "2026-01-01", "2026-12-31", 500_000, 0);
        String leftOut = project(roadmapId, "C - Pas retenu", "OPEN_DATA", "2026-01-01", "2026-12-31", 9_000_000, 0);
        assertThat(assess(picked, VALMONT_AGENT).status()).isEqualTo(200);
        assertThat(assess(approved, VALMONT_AGENT).status()).isEqualTo(200);
        approveThroughGovernance(approved, VALMONT, VALMONT_AGENT);

        var created = http.post("/api/portfolio/roadmaps/" + roadmapId + "/scenarios", """
                {"name": "Open data d'abord", "projectIds": ["%s"],
                 "envelopes": [{"year": 2026, "section": "INVESTMENT", "amountCents": 1000000}]}""".formatted(picked),
                VALMONT_AGENT, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String scenarioId = created.json().get("id").asString();
        assertThat(created.header("Location").orElseThrow()).isEqualTo("/api/portfolio/scenarios/" + scenarioId);
        assertThat(http.post("/api/portfolio/roadmaps/" + roadmapId + "/scenarios", """
                {"name": "Le strict nécessaire", "projectIds": []}""", VALMONT_AGENT, null).status()).isEqualTo(201);

        // A's investment evenly over 2026-2027 (the odd cent to 2026), B always included, C not picked.
        JsonNode scenario = http.get("/api/portfolio/scenarios/" + scenarioId, VALMONT_AGENT, null).json();
        assertThat(scenario.toString()).doesNotContain(leftOut);
        assertThat(line(scenario, 2026, "INVESTMENT")).isEqualTo(comparison(2026, "INVESTMENT", 1_000_001, 1_000_000, true));
        assertThat(line(scenario, 2027, "INVESTMENT")).isEqualTo(comparison(2027, "INVESTMENT", 500_000, 0, false));
        assertThat(line(scenario, 2027, "OPERATING")).isEqualTo(comparison(2027, "OPERATING", 100_000, 0, false));
        assertThat(line(scenario, 2028, "OPERATING")).isEqualTo(comparison(2028, "OPERATING", 0, 0, false));
        assertThat(scenario.get("comparisons")).hasSize(6);
        BigDecimal priorities = BigDecimal.ZERO;
        for (JsonNode project : scenario.get("projects")) {
            priorities = priorities.add(project.get("priority").decimalValue());
        }
        assertThat(scenario.get("priorityKept").decimalValue()).isEqualByComparingTo(priorities).isPositive();
        assertThat(scenario.get("axesCovered").toString()).isEqualTo("[\"DEMATERIALISATION\",\"OPEN_DATA\"]");
        assertThat(scenario.get("axesNotCovered")).isEmpty();
        assertThat(scenario.get("projects").findValuesAsString("alwaysIncluded")).isNotNull();
        assertThat(scenario.get("chosenByDecisionId").isNull()).isTrue();

        // The budget's records on Kafka: credits voted then transferred (the newest total counts), another tenant's
        // line that does not count, and an AP financing A whose CP schedule (1 to 3) now spreads its investment.
        UUID line = UUID.randomUUID();
        publishBudget(line, 0, new CreditsVoted(line, VALMONT, 2027, "INVESTMENT", "BP", 400_000));
        publishBudget(line, 1, new LineCreditsTransferred(line, VALMONT, 2027, "INVESTMENT", UUID.randomUUID(), 300_000, 700_000));
        UUID other = UUID.randomUUID();
        publishBudget(other, 0, new CreditsVoted(other, VALMONT, 2027, "INVESTMENT", "BP", 100_000));
        UUID theirs = UUID.randomUUID();
        publishBudget(theirs, 0, SAINT_AUBIN, new CreditsVoted(theirs, SAINT_AUBIN, 2027, "INVESTMENT", "BP", 9_999_999));
        UUID programme = UUID.randomUUID();
        publishBudget(programme, 0, new ProgrammeCreated(programme, VALMONT, "AP open data", "20", "INVESTMENT",
                UUID.fromString(picked), 4_000, List.of(new ProgrammeCreated.ScheduledCredit(2026, 1_000),
                new ProgrammeCreated.ScheduledCredit(2027, 3_000))));

        scenario = awaitRead("/api/portfolio/scenarios/" + scenarioId, VALMONT_AGENT,
                json -> line(json, 2027, "INVESTMENT").get("envelopeCents").asLong() == 800_000
                        && line(json, 2026, "INVESTMENT").get("totalCents").asLong() == 750_000);
        assertThat(line(scenario, 2027, "INVESTMENT")).isEqualTo(comparison(2027, "INVESTMENT", 750_001, 800_000, false));
        assertThat(line(scenario, 2026, "INVESTMENT")).isEqualTo(comparison(2026, "INVESTMENT", 750_000, 1_000_000, true));

        JsonNode sideBySide = http.get("/api/portfolio/roadmaps/" + roadmapId + "/scenarios", VALMONT_AGENT, null).json();
        assertThat(sideBySide.get("total").asLong()).isEqualTo(2);
        assertThat(sideBySide.get("items").findValuesAsString("name")).containsExactly("Le strict nécessaire", "Open data d'abord");
        JsonNode bare = sideBySide.get("items").get(0);
        assertThat(bare.get("axesNotCovered").toString()).isEqualTo("[\"OPEN_DATA\"]");
        assertThat(line(bare, 2026, "INVESTMENT")).isEqualTo(comparison(2026, "INVESTMENT", 500_000, 0, false));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        String roadmapId = createRoadmap(VALMONT_AGENT);
        String otherRoadmap = createRoadmap(VALMONT_AGENT);
        String kept = project(roadmapId, "Gardé", "OPEN_DATA", "2026-01-01", "2026-12-31", 1_000, 0);
        String cancelled = project(roadmapId, "Abandonné", "OPEN_DATA", "2026-01-01", "2026-12-31", 1_000, 0);
        assertThat(http.post("/api/portfolio/projects/" + cancelled + "/cancel", "{}", VALMONT_AGENT, null).status()).isEqualTo(200);
        awaitStatus(cancelled, VALMONT_AGENT, "CANCELLED");
        String elsewhere = project(otherRoadmap, "Ailleurs", "OPEN_DATA", "2026-01-01", "2026-12-31", 1_000, 0);
        String theirRoadmap = createRoadmap(STAUBIN_AGENT);
        String theirs = project(theirRoadmap, "À Saint-Aubin", "OPEN_DATA", "2026-01-01", "2026-12-31", 1_000, 0);
        String path = "/api/portfolio/roadmaps/" + roadmapId + "/scenarios";
        long events = eventCount();

        assertProblem(http.post(path, "{\"projectIds\": []}", VALMONT_AGENT, null), 400, "\"name\"");
        assertProblem(http.post(path, "{\"name\": \"S\"}", VALMONT_AGENT, null), 400, "\"projectIds\"");
        assertProblem(http.post(path, body(List.of(kept, theirs), ""), VALMONT_AGENT, null), 404, "projectIds[1]");
        assertProblem(http.post(path, body(List.of(cancelled), ""), VALMONT_AGENT, null), 422, "projectIds[0]", "CANCELLED");
        assertProblem(http.post(path, body(List.of(kept, elsewhere), ""), VALMONT_AGENT, null), 422, "projectIds[1]");
        assertProblem(http.post(path, body(List.of(kept), "{\"year\": 2029, \"section\": \"INVESTMENT\", \"amountCents\": 1}"),
                VALMONT_AGENT, null), 422, "envelopes[0].year");
        assertProblem(http.post(path, body(List.of(kept), "{\"year\": 2026, \"section\": \"INVESTMENT\", \"amountCents\": -1}"),
                VALMONT_AGENT, null), 400, "envelopes[0].amountCents");
        assertProblem(http.post(path, body(List.of(kept), "{\"year\": 2026, \"section\": \"CAPITAL\", \"amountCents\": 1}"),
                VALMONT_AGENT, null), 400, "envelopes[0].section");
        assertProblem(http.post(path, body(List.of(kept), "{\"year\": 2026, \"section\": \"OPERATING\", \"amountCents\": 1},"
                + "{\"year\": 2026, \"section\": \"OPERATING\", \"amountCents\": 2}"), VALMONT_AGENT, null), 422, "envelopes[1]");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anotherTenantsScenariosAndRoadmapsAnswer404() {
        String roadmapId = createRoadmap(VALMONT_AGENT);
        var created = http.post("/api/portfolio/roadmaps/" + roadmapId + "/scenarios", body(List.of(), ""), VALMONT_AGENT, null);
        String scenarioId = created.json().get("id").asString();
        long events = eventCount();
        assertProblem(http.post("/api/portfolio/roadmaps/" + roadmapId + "/scenarios", body(List.of(), ""), STAUBIN_AGENT, null), 404);
        assertProblem(http.get("/api/portfolio/roadmaps/" + roadmapId + "/scenarios", STAUBIN_AGENT, null), 404);
        assertProblem(http.get("/api/portfolio/scenarios/" + scenarioId, STAUBIN_AGENT, null), 404);
        assertProblem(http.get("/api/portfolio/scenarios/" + UUID.randomUUID(), VALMONT_AGENT, null), 404);
        // A scenario's id is no roadmap: nothing is defined on it.
        assertProblem(http.post("/api/portfolio/roadmaps/" + scenarioId + "/scenarios", body(List.of(), ""), VALMONT_AGENT, null), 404);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anApprovedPrioritisationDecisionOfItsOwnerRecordsTheScenarioChosen() {
        String roadmapId = createRoadmap(VALMONT_AGENT);
        String scenarioId = http.post("/api/portfolio/roadmaps/" + roadmapId + "/scenarios", body(List.of(), ""),
                VALMONT_AGENT, null).json().get("id").asString();

        DecisionPublished foreign = decision(SAINT_AUBIN, "PRIORITISATION", scenarioId, "APPROVED");
        publishToGovernance(envelope(foreign));
        assertThat(awaitReceipt(foreign.decisionId())).isEqualTo("OTHER_OWNER");
        DecisionPublished rejected = decision(VALMONT, "PRIORITISATION", scenarioId, "REJECTED");
        publishToGovernance(envelope(rejected));
        assertThat(awaitReceipt(rejected.decisionId())).isEqualTo("NOT_APPROVED");

        DecisionPublished chosen = decision(VALMONT, "PRIORITISATION", scenarioId, "APPROVED");
        publishToGovernance(envelope(chosen));
        assertThat(awaitReceipt(chosen.decisionId())).isEqualTo("APPLIED");
        JsonNode scenario = awaitRead("/api/portfolio/scenarios/" + scenarioId, VALMONT_AGENT,
                json -> !json.get("chosenByDecisionId").isNull());
        assertThat(scenario.get("chosenByDecisionId").asString()).isEqualTo(chosen.decisionId().toString());
        assertThat(scenario.get("chosenOn").asString()).isEqualTo(chosen.decidedOn().toString());

        // A priorisation about a project is no scenario's business: the portfolio does not even note it.
        DecisionPublished aboutRoadmap = decision(VALMONT, "PRIORITISATION", roadmapId, "APPROVED");
        publishToGovernance(envelope(aboutRoadmap));
        DecisionPublished after = decision(VALMONT, "PROJECT_GATE", UUID.randomUUID().toString(), "APPROVED");
        publishToGovernance(envelope(after));
        awaitReceipt(after.decisionId());
        assertThat(jdbc.sql("SELECT count(*) FROM governance_decision_receipt WHERE decision_id = :id")
                .param("id", aboutRoadmap.decisionId()).query(Long.class).single()).isZero();
    }

    private String project(String roadmapId, String title, String axis, String start, String end, long investment,
                           long operating) {
        var created = http.post("/api/portfolio/projects", """
                {"roadmapId": "%s", "title": "%s", "axis": "%s", "theme": "USER_SERVICES",
                 "plannedStart": "%s", "plannedEnd": "%s",
                 "estimatedInvestmentCents": %d, "estimatedOperatingCents": %d}"""
                .formatted(roadmapId, title, axis, start, end, investment, operating), tokenOf(roadmapId), null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String tokenOf(String roadmapId) {
        return http.get("/api/portfolio/roadmaps/" + roadmapId, VALMONT_AGENT, null).status() == 200 ? VALMONT_AGENT : STAUBIN_AGENT;
    }

    private static String body(List<String> projectIds, String envelopes) {
        return """
                {"name": "Scénario", "projectIds": [%s], "envelopes": [%s]}""".formatted(
                String.join(", ", projectIds.stream().map(id -> "\"" + id + "\"").toList()), envelopes);
    }

    private static JsonNode line(JsonNode scenario, int year, String section) {
        for (JsonNode line : scenario.get("comparisons")) {
            if (line.get("year").asInt() == year && line.get("section").asString().equals(section)) {
                return line;
            }
        }
        throw new AssertionError("No " + year + " " + section + " in " + scenario);
    }

    private static JsonNode comparison(int year, String section, long total, long envelope, boolean entered) {
        return JSON.readTree("""
                {"year": %d, "section": "%s", "totalCents": %d, "envelopeCents": %d, "envelopeEntered": %s,
                 "gapCents": %d, "fits": %s}""".formatted(year, section, total, envelope, entered, envelope - total,
                envelope - total >= 0));
    }

    private static void publishBudget(UUID aggregateId, long sequence, Record payload) {
        publishBudget(aggregateId, sequence, VALMONT, payload);
    }

    /** A record as the budget service sends it: its envelope, keyed by the aggregate, in the aggregate's sequence. */
    private static void publishBudget(UUID aggregateId, long sequence, String tenant, Record payload) {
        String type = "budget." + payload.getClass().getSimpleName();
        TestEvents.publish(Topics.BUDGET, new EventEnvelope(UUID.randomUUID(), type, 1, Instant.now(), tenant,
                aggregateId.toString(), sequence, "test-" + UUID.randomUUID(), JSON.valueToTree(payload)));
    }
}

package fr.mutualis.budget.api;

import fr.mutualis.budget.BudgetIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class VoteApiTest extends BudgetIntegrationTest {

    @Test
    void aVoteSetsTheCreditsOfEachLineAndLaterStagesAmendThemKeepingTheHistory() {
        String software = openLine(VALMONT_AGENT, 2026, "INVESTMENT", "20", 900_000);
        String charges = openLine(VALMONT_AGENT, 2026, "OPERATING", "011", 400_000);
        var bp = http.post("/api/budget/votes", """
                {"fiscalYear": 2026, "stage": "BP", "lines": [{"lineId": "%s", "creditsCents": 1000000},
                 {"lineId": "%s", "creditsCents": 350000}]}""".formatted(software, charges), VALMONT_AGENT, null);
        assertThat(bp.status()).as(bp.toString()).isEqualTo(201);
        assertThat(UUID.fromString(bp.json().get("id").asString())).isNotNull();
        vote(VALMONT_AGENT, 2026, "DM", software, 1_100_000);
        vote(VALMONT_AGENT, 2026, "DM", software, 1_050_000);

        JsonNode line = awaitLine(software, VALMONT_AGENT, read -> read.get("credits").size() == 3);
        assertThat(line.get("plannedCents").asLong()).isEqualTo(900_000);
        assertThat(line.get("votedCents").asLong()).isEqualTo(1_050_000);
        assertThat(line.get("lastStage").asString()).isEqualTo("DM");
        assertThat(line.get("credits")).extracting(credit -> credit.get("stage").asString()).containsExactly("BP", "DM", "DM");
        assertThat(line.get("credits")).extracting(credit -> credit.get("creditsCents").asLong()).containsExactly(1_000_000L, 1_100_000L, 1_050_000L);
        assertThat(line.get("credits")).extracting(credit -> credit.get("previousCents").asLong()).containsExactly(0L, 1_000_000L, 1_100_000L);
        assertThat(line.get("credits").get(0).get("voteId").asString()).isEqualTo(bp.json().get("id").asString());
        assertThat(line.get("version").asLong()).isEqualTo(3);
        assertThat(awaitLine(charges, VALMONT_AGENT, read -> read.get("votedCents").asLong() == 350_000).get("lastStage").asString())
                .isEqualTo("BP");
    }

    @Test
    void aStageCannotGoBackAndTheRefusalChangesNothing() {
        String line = votedLine(VALMONT_AGENT, 2026, "OPERATING", "65", 10_000);
        vote(VALMONT_AGENT, 2026, "DM", line, 12_000);
        awaitLine(line, VALMONT_AGENT, read -> read.get("lastStage").asString().equals("DM"));
        long events = eventCount();

        var bs = http.post("/api/budget/votes", vote(2026, "BS", line, 5_000), VALMONT_AGENT, null);
        assertProblem(bs, 409, "state-conflict");
        assertThat(bs.json().get("currentState").asString()).isEqualTo("DM");
        assertProblem(http.post("/api/budget/votes", vote(2026, "BP", line, 5_000), VALMONT_AGENT, null), 409, "state-conflict");

        vote(VALMONT_AGENT, 2026, "CA", line, 12_000);
        awaitLine(line, VALMONT_AGENT, read -> read.get("lastStage").asString().equals("CA"));
        assertProblem(http.post("/api/budget/votes", vote(2026, "DM", line, 1), VALMONT_AGENT, null), 409, "state-conflict");
        // Only the CA: its CreditsVoted on the line and the budget of the year's VoteRecorded.
        assertThat(eventCount()).isEqualTo(events + 2);
        assertThat(line(line, VALMONT_AGENT).get("votedCents").asLong()).isEqualTo(12_000);
    }

    @Test
    void aVoteIsAllOrNothing() {
        String mine = openLine(VALMONT_AGENT, 2026, "INVESTMENT", "21", 1_000);
        String theirs = openLine(STAUBIN_AGENT, 2026, "INVESTMENT", "21", 1_000);
        long events = eventCount();

        var answer = http.post("/api/budget/votes", """
                {"fiscalYear": 2026, "stage": "BP", "lines": [{"lineId": "%s", "creditsCents": 1000},
                 {"lineId": "%s", "creditsCents": 1000}]}""".formatted(mine, theirs), VALMONT_AGENT, null);
        assertProblem(answer, 404, "not-found");
        var unknown = http.post("/api/budget/votes", """
                {"fiscalYear": 2026, "stage": "BP", "lines": [{"lineId": "%s", "creditsCents": 1000},
                 {"lineId": "%s", "creditsCents": 1000}]}""".formatted(mine, UUID.randomUUID()), VALMONT_AGENT, null);
        assertProblem(unknown, 404, "not-found");

        assertThat(eventCount()).isEqualTo(events);
        assertThat(line(mine, VALMONT_AGENT).get("votedCents").asLong()).isZero();
        assertThat(line(mine, VALMONT_AGENT).get("credits")).isEmpty();
        assertThat(line(theirs, STAUBIN_AGENT).get("votedCents").asLong()).isZero();
    }

    @Test
    void aVoteOfAnotherYearOrBelowWhatIsEngagedBreaksARule() {
        String line = votedLine(VALMONT_AGENT, 2026, "INVESTMENT", "23", 10_000);
        assertThat(http.post("/api/budget/lines/" + line + "/engagements", spending(8_000, "BC-V", "2026-06-01"), VALMONT_AGENT, null)
                .status()).isEqualTo(201);
        long events = eventCount();

        var otherYear = http.post("/api/budget/votes", vote(2025, "DM", line, 20_000), VALMONT_AGENT, null);
        assertProblem(otherYear, 422, "vote-fiscal-year");
        var belowEngaged = http.post("/api/budget/votes", vote(2026, "DM", line, 7_999), VALMONT_AGENT, null);
        assertProblem(belowEngaged, 422, "credits-below-engaged");
        assertThat(belowEngaged.json().get("engagedCents").asLong()).isEqualTo(8_000);
        assertThat(belowEngaged.json().get("creditsCents").asLong()).isEqualTo(7_999);

        assertThat(eventCount()).isEqualTo(events);
        assertThat(awaitLine(line, VALMONT_AGENT, read -> read.get("engagedCents").asLong() == 8_000).get("votedCents").asLong())
                .isEqualTo(10_000);
    }

    @Test
    void badVotesAnswer400NamingTheFieldAndStoreNothing() {
        String line = openLine(VALMONT_AGENT, 2026, "OPERATING", "012", 1);
        long events = eventCount();
        assertBadRequest(http.post("/api/budget/votes", "{\"fiscalYear\": 2026, ", VALMONT_AGENT, null), "Malformed JSON");
        assertBadRequest(http.post("/api/budget/votes", """
                {"fiscalYear": "an", "stage": "BP", "lines": [{"lineId": "%s", "creditsCents": 1}]}""".formatted(line),
                VALMONT_AGENT, null), "fiscalYear");
        assertBadRequest(http.post("/api/budget/votes", vote(2026, "BUDGET_ANNEXE", line, 1), VALMONT_AGENT, null), "stage");
        assertBadRequest(http.post("/api/budget/votes", """
                {"stage": "BP", "lines": [{"lineId": "%s", "creditsCents": 1}]}""".formatted(line), VALMONT_AGENT, null), "fiscalYear");
        assertBadRequest(http.post("/api/budget/votes", """
                {"fiscalYear": 2026, "stage": "BP", "lines": []}""", VALMONT_AGENT, null), "lines");
        assertBadRequest(http.post("/api/budget/votes", vote(2026, "BP", line, -1), VALMONT_AGENT, null), "creditsCents");
        assertBadRequest(http.post("/api/budget/votes", """
                {"fiscalYear": 2026, "stage": "BP", "lines": [{"lineId": "pas-un-uuid", "creditsCents": 1}]}""", VALMONT_AGENT, null),
                "lineId");
        assertBadRequest(http.post("/api/budget/votes", """
                {"fiscalYear": 2026, "stage": "BP", "lines": [{"lineId": "%s", "creditsCents": 1}, {"lineId": "%s", "creditsCents": 2}]}"""
                .formatted(line, line), VALMONT_AGENT, null), "twice");
        assertThat(eventCount()).isEqualTo(events);
    }

    private static String vote(int fiscalYear, String stage, String lineId, long credits) {
        return """
                {"fiscalYear": %d, "stage": "%s", "lines": [{"lineId": "%s", "creditsCents": %d}]}"""
                .formatted(fiscalYear, stage, lineId, credits);
    }
}

package fr.mutualis.budget.api;

import fr.mutualis.budget.BudgetIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProgrammeApiTest extends BudgetIntegrationTest {

    @Test
    void aProgrammeIsAuthorisedThenRevisedKeepingItsHistory() {
        String id = createProgramme(VALMONT_AGENT, "20", 9_000_000, "[{\"year\": 2026, \"amountCents\": 3000000}, {\"year\": 2027, \"amountCents\": 6000000}]");
        JsonNode created = awaitProgramme(id, VALMONT_AGENT, programme -> true);
        assertThat(created.get("amountCents").asLong()).isEqualTo(9_000_000);
        assertThat(created.get("section").asString()).isEqualTo("INVESTMENT");
        assertThat(created.get("schedule")).extracting(year -> year.get("cpCents").asLong()).containsExactly(3_000_000L, 6_000_000L);
        assertThat(created.get("revisions")).singleElement().satisfies(revision -> assertThat(revision.get("revision").asInt()).isZero());

        var revised = http.post("/api/budget/programmes/" + id + "/revisions", """
                {"amountCents": 10000000, "schedule": [{"year": 2026, "amountCents": 1000000}, {"year": 2027, "amountCents": 5000000},
                 {"year": 2028, "amountCents": 4000000}], "reason": "Délibération du 12 mars : report et extension"}""", VALMONT_AGENT, null);
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.json().get("revision").asInt()).isEqualTo(1);

        var current = http.get("/api/budget/programmes/" + id, VALMONT_AGENT, null);
        assertThat(current.header("ETag")).contains("\"" + revised.json().get("version").asLong() + "\"");
        assertThat(revised.header("ETag")).isEqualTo(current.header("ETag"));
        JsonNode read = current.json();
        assertThat(read.get("revision").asInt()).isEqualTo(1);
        assertThat(read.get("amountCents").asLong()).isEqualTo(10_000_000);
        assertThat(read.get("schedule")).extracting(year -> year.get("year").asInt()).containsExactly(2026, 2027, 2028);
        assertThat(read.get("revisions")).hasSize(2);
        JsonNode revision = read.get("revisions").get(1);
        assertThat(revision.get("reason").asString()).isEqualTo("Délibération du 12 mars : report et extension");
        assertThat(revision.get("amountCents").asLong()).isEqualTo(10_000_000);
        assertThat(revision.get("schedule")).hasSize(3);
        assertThat(revision.get("revisedBy").asString()).contains("valmont-agent");
        assertThat(read.get("revisions").get(0).get("schedule")).hasSize(2);
    }

    @Test
    void aScheduleThatDoesNotSumToTheAmountIs422AndCreatesNothing() {
        long events = eventCount();
        var answer = http.post("/api/budget/programmes", programme("20", 9_000, "[{\"year\": 2026, \"amountCents\": 4000}, {\"year\": 2027, \"amountCents\": 4000}]"),
                VALMONT_AGENT, null);
        assertProblem(answer, 422, "schedule-sum");
        assertThat(answer.json().get("amountCents").asLong()).isEqualTo(9_000);
        assertThat(answer.json().get("scheduleTotalCents").asLong()).isEqualTo(8_000);
        assertProblem(http.post("/api/budget/programmes", programme("99", 1, "[{\"year\": 2026, \"amountCents\": 1}]"), VALMONT_AGENT, null),
                422, "chapter-unknown");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aRevisionThatBreaksTheScheduleIs422AndAStaleOneIs409() {
        String id = createProgramme(VALMONT_AGENT, "21", 5_000, "[{\"year\": 2026, \"amountCents\": 5000}]");
        JsonNode programme = awaitProgramme(id, VALMONT_AGENT, read -> true);
        long events = eventCount();
        assertProblem(http.post("/api/budget/programmes/" + id + "/revisions", revision(6_000, "[{\"year\": 2026, \"amountCents\": 5000}]"),
                VALMONT_AGENT, null), 422, "schedule-sum");

        String etag = http.get("/api/budget/programmes/" + id, VALMONT_AGENT, null).header("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + programme.get("version").asLong() + "\"");
        var first = http.send(http.request("/api/budget/programmes/" + id + "/revisions", VALMONT_AGENT, null)
                .header("Content-Type", "application/json").header("If-Match", etag)
                .POST(HttpRequest.BodyPublishers.ofString(revision(6_000, "[{\"year\": 2026, \"amountCents\": 6000}]"))));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        var stale = http.send(http.request("/api/budget/programmes/" + id + "/revisions", VALMONT_AGENT, null)
                .header("Content-Type", "application/json").header("If-Match", etag)
                .POST(HttpRequest.BodyPublishers.ofString(revision(7_000, "[{\"year\": 2026, \"amountCents\": 7000}]"))));
        assertProblem(stale, 409, "stale-version");
        var badTag = http.send(http.request("/api/budget/programmes/" + id + "/revisions", VALMONT_AGENT, null)
                .header("Content-Type", "application/json").header("If-Match", "\"trois\"")
                .POST(HttpRequest.BodyPublishers.ofString(revision(7_000, "[{\"year\": 2026, \"amountCents\": 7000}]"))));
        assertBadRequest(badTag, "If-Match");
        assertThat(eventCount()).isEqualTo(events + 1);
        assertThat(awaitProgramme(id, VALMONT_AGENT, read -> read.get("revision").asInt() == 1).get("amountCents").asLong()).isEqualTo(6_000);
    }

    /**
     * A line attached to the programme spends it: its engagements count against the AP amount, its mandates against
     * the CP of the line's year; a revision cannot bring that year's CP below what was mandated.
     */
    @Test
    void mandatesOfItsLinesConsumeTheCpOfTheirYear() {
        String id = createProgramme(VALMONT_AGENT, "23", 10_000, "[{\"year\": 2026, \"amountCents\": 4000}, {\"year\": 2028, \"amountCents\": 6000}]");
        awaitProgramme(id, VALMONT_AGENT, read -> true);
        var opened = http.post("/api/budget/lines", """
                {"fiscalYear": 2026, "section": "INVESTMENT", "chapter": "23", "label": "Travaux fibre", "programmeId": "%s",
                 "plannedCents": 20000}""".formatted(id), VALMONT_AGENT, null);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String line = opened.json().get("id").asString();
        awaitLine(line, VALMONT_AGENT, read -> true);
        vote(VALMONT_AGENT, 2026, "BP", line, 20_000);
        awaitLine(line, VALMONT_AGENT, read -> read.get("votedCents").asLong() == 20_000);

        var beyondAp = http.post("/api/budget/lines/" + line + "/engagements", spending(10_001, "BC-AP", "2026-03-01"), VALMONT_AGENT, null);
        assertProblem(beyondAp, 422, "programme-amount-exceeded");
        assertThat(beyondAp.json().get("limitCents").asLong()).isEqualTo(10_000);
        var engagement = http.post("/api/budget/lines/" + line + "/engagements", spending(9_000, "BC-AP", "2026-03-01"), VALMONT_AGENT, null);
        assertThat(engagement.status()).as(engagement.toString()).isEqualTo(201);
        String engagementId = engagement.json().get("id").asString();
        long events = eventCount();
        var beyondCp = http.post("/api/budget/engagements/" + engagementId + "/mandates", spending(4_001, "M-CP", "2026-04-01"),
                VALMONT_AGENT, null);
        assertProblem(beyondCp, 422, "cp-exceeded");
        assertThat(beyondCp.json().get("year").asInt()).isEqualTo(2026);
        assertThat(beyondCp.json().get("limitCents").asLong()).isEqualTo(4_000);
        assertThat(eventCount()).isEqualTo(events);
        assertThat(http.post("/api/budget/engagements/" + engagementId + "/mandates", spending(3_000, "M-CP", "2026-04-01"),
                VALMONT_AGENT, null).status()).isEqualTo(201);

        JsonNode programme = awaitProgramme(id, VALMONT_AGENT, read -> read.get("mandatedCents").asLong() == 3_000);
        assertThat(programme.get("engagedCents").asLong()).isEqualTo(9_000);
        assertThat(programme.get("schedule").get(0).get("mandatedCents").asLong()).isEqualTo(3_000);
        assertThat(programme.get("schedule").get(0).get("availableCents").asLong()).isEqualTo(1_000);

        var belowMandated = http.post("/api/budget/programmes/" + id + "/revisions",
                revision(10_000, "[{\"year\": 2026, \"amountCents\": 2999}, {\"year\": 2028, \"amountCents\": 7001}]"), VALMONT_AGENT, null);
        assertProblem(belowMandated, 422, "cp-below-mandated");
        assertThat(belowMandated.json().get("mandatedCents").asLong()).isEqualTo(3_000);
        var belowEngaged = http.post("/api/budget/programmes/" + id + "/revisions",
                revision(8_999, "[{\"year\": 2026, \"amountCents\": 3000}, {\"year\": 2028, \"amountCents\": 5999}]"), VALMONT_AGENT, null);
        assertProblem(belowEngaged, 422, "amount-below-engaged");
        // The unconsumed CP of 2026 move to 2027: the total stays the amount.
        assertThat(http.post("/api/budget/programmes/" + id + "/revisions",
                revision(10_000, "[{\"year\": 2026, \"amountCents\": 3000}, {\"year\": 2027, \"amountCents\": 1000}, {\"year\": 2028, \"amountCents\": 6000}]"),
                VALMONT_AGENT, null).status()).isEqualTo(200);
        JsonNode moved = awaitProgramme(id, VALMONT_AGENT, read -> read.get("revision").asInt() == 1);
        assertThat(moved.get("schedule")).extracting(year -> year.get("cpCents").asLong()).containsExactly(3_000L, 1_000L, 6_000L);
        assertThat(moved.get("schedule").get(0).get("mandatedCents").asLong()).isEqualTo(3_000);
    }

    @Test
    void aLineCanOnlySpendAProgrammeOfItsTenantAndChapter() {
        String id = createProgramme(VALMONT_AGENT, "20", 1_000, "[{\"year\": 2026, \"amountCents\": 1000}]");
        long events = eventCount();
        assertProblem(http.post("/api/budget/lines", """
                {"fiscalYear": 2026, "section": "INVESTMENT", "chapter": "21", "label": "Autre chapitre", "programmeId": "%s",
                 "plannedCents": 1}""".formatted(id), VALMONT_AGENT, null), 422, "programme-chapter");
        assertProblem(http.post("/api/budget/lines", """
                {"fiscalYear": 2026, "section": "INVESTMENT", "chapter": "20", "label": "Chez le voisin", "programmeId": "%s",
                 "plannedCents": 1}""".formatted(id), STAUBIN_AGENT, null), 404, "not-found");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anotherTenantsProgrammeIs404() {
        String id = createProgramme(VALMONT_AGENT, "204", 1_000, "[{\"year\": 2026, \"amountCents\": 1000}]");
        awaitProgramme(id, VALMONT_AGENT, read -> true);
        long events = eventCount();
        assertProblem(http.get("/api/budget/programmes/" + id, STAUBIN_AGENT, null), 404, "not-found");
        assertProblem(http.post("/api/budget/programmes/" + id + "/revisions", revision(2_000, "[{\"year\": 2026, \"amountCents\": 2000}]"),
                STAUBIN_AGENT, null), 404, "not-found");
        assertProblem(http.get("/api/budget/programmes/" + UUID.randomUUID(), VALMONT_AGENT, null), 404, "not-found");
        assertProblem(http.post("/api/budget/programmes/" + UUID.randomUUID() + "/revisions", revision(1, "[{\"year\": 2026, \"amountCents\": 1}]"),
                VALMONT_AGENT, null), 404, "not-found");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void badProgrammesAnswer400NamingTheField() {
        long events = eventCount();
        assertBadRequest(http.post("/api/budget/programmes", "{\"label\": ", VALMONT_AGENT, null), "Malformed JSON");
        assertBadRequest(http.post("/api/budget/programmes", """
                {"label": "AP", "chapter": "20", "amountCents": "dix", "schedule": [{"year": 2026, "amountCents": 1}]}""",
                VALMONT_AGENT, null), "amountCents");
        assertBadRequest(http.post("/api/budget/programmes", """
                {"chapter": "20", "amountCents": 1, "schedule": [{"year": 2026, "amountCents": 1}]}""", VALMONT_AGENT, null), "label");
        assertBadRequest(http.post("/api/budget/programmes", programme("20", 1, "[]"), VALMONT_AGENT, null), "schedule");
        assertBadRequest(http.post("/api/budget/programmes", programme("20", 2,
                "[{\"year\": 2026, \"amountCents\": 1}, {\"year\": 2026, \"amountCents\": 1}]"), VALMONT_AGENT, null), "twice");
        assertBadRequest(http.post("/api/budget/programmes", programme("20", 1, "[{\"year\": 1999, \"amountCents\": 1}]"),
                VALMONT_AGENT, null), "year");
        assertBadRequest(http.post("/api/budget/programmes", programme("20", 1, "[{\"year\": 2026, \"amountCents\": -1}]"),
                VALMONT_AGENT, null), "amountCents");
        assertBadRequest(http.post("/api/budget/programmes/" + UUID.randomUUID() + "/revisions", """
                {"amountCents": 1, "schedule": [{"year": 2026, "amountCents": 1}]}""", VALMONT_AGENT, null), "reason");
        assertThat(eventCount()).isEqualTo(events);
    }

    private String createProgramme(String token, String chapter, long amount, String schedule) {
        var created = http.post("/api/budget/programmes", programme(chapter, amount, schedule), token, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/api/budget/programmes/" + id));
        return id;
    }

    private JsonNode awaitProgramme(String id, String token, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> {
            var answer = http.get("/api/budget/programmes/" + id, token, null);
            return answer.status() == 200 ? answer.json() : null;
        }, programme -> programme != null && condition.test(programme));
    }

    private static String programme(String chapter, long amount, String schedule) {
        return """
                {"label": "Programme %s", "chapter": "%s", "amountCents": %d, "schedule": %s}""".formatted(chapter, chapter, amount, schedule);
    }

    private static String revision(long amount, String schedule) {
        return """
                {"amountCents": %d, "schedule": %s, "reason": "Décision modificative"}""".formatted(amount, schedule);
    }
}

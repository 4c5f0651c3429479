package fr.mutualis.budget.api;

import fr.mutualis.budget.BudgetIntegrationTest;
import fr.mutualis.testsupport.TestHttp;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class SpendingApiTest extends BudgetIntegrationTest {

    @Autowired
    EventStore eventStore;

    @Test
    void engagementsAndMandatesAreRecordedOnTheLine() {
        String line = votedLine(VALMONT_AGENT, 2026, "INVESTMENT", "20", 100_000);
        var engagement = http.post("/api/budget/lines/" + line + "/engagements", spending(60_000, "BC-2026-17", "2026-02-10"),
                VALMONT_AGENT, null);
        assertThat(engagement.status()).as(engagement.toString()).isEqualTo(201);
        String engagementId = engagement.json().get("id").asString();
        assertThat(engagement.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/api/budget/engagements/" + engagementId));
        var mandate = http.post("/api/budget/engagements/" + engagementId + "/mandates", spending(25_000, "M-2026-301", "2026-03-10"),
                VALMONT_AGENT, null);
        assertThat(mandate.status()).as(mandate.toString()).isEqualTo(201);
        String mandateId = mandate.json().get("id").asString();

        JsonNode read = awaitLine(line, VALMONT_AGENT, current -> current.get("mandatedCents").asLong() == 25_000);
        assertThat(read.get("votedCents").asLong()).isEqualTo(100_000);
        assertThat(read.get("engagedCents").asLong()).isEqualTo(60_000);
        assertThat(read.get("engagements")).singleElement().satisfies(item -> {
            assertThat(item.get("id").asString()).isEqualTo(engagementId);
            assertThat(item.get("amountCents").asLong()).isEqualTo(60_000);
            assertThat(item.get("mandatedCents").asLong()).isEqualTo(25_000);
            assertThat(item.get("reference").asString()).isEqualTo("BC-2026-17");
            assertThat(item.get("date").asString()).isEqualTo("2026-02-10");
        });
        JsonNode engagementRead = http.get("/api/budget/engagements/" + engagementId, VALMONT_AGENT, null).json();
        assertThat(engagementRead.get("mandates")).singleElement()
                .satisfies(item -> assertThat(item.get("id").asString()).isEqualTo(mandateId));
        var mandateRead = http.get("/api/budget/mandates/" + mandateId, VALMONT_AGENT, null);
        assertThat(mandateRead.status()).isEqualTo(200);
        assertThat(mandateRead.json().get("amountCents").asLong()).isEqualTo(25_000);
    }

    @Test
    void anEngagementBeyondTheVotedCreditsNamesTheLimitAndChangesNothing() {
        String line = votedLine(VALMONT_AGENT, 2026, "OPERATING", "011", 50_000);
        assertThat(http.post("/api/budget/lines/" + line + "/engagements", spending(30_000, "BC-1", "2026-01-15"), VALMONT_AGENT, null)
                .status()).isEqualTo(201);
        awaitLine(line, VALMONT_AGENT, current -> current.get("engagedCents").asLong() == 30_000);
        long events = eventCount();

        var beyond = http.post("/api/budget/lines/" + line + "/engagements", spending(20_001, "BC-2", "2026-01-16"), VALMONT_AGENT, null);
        assertProblem(beyond, 422, "credits-exceeded");
        assertThat(beyond.json().get("limitCents").asLong()).isEqualTo(50_000);
        assertThat(beyond.json().get("amountCents").asLong()).isEqualTo(20_001);
        assertThat(beyond.json().get("availableCents").asLong()).isEqualTo(20_000);
        assertThat(beyond.json().get("detail").asString()).contains("20001", "50000");
        var outsideYear = http.post("/api/budget/lines/" + line + "/engagements", spending(1, "BC-3", "2027-01-02"), VALMONT_AGENT, null);
        assertProblem(outsideYear, 422, "date-outside-fiscal-year");

        assertThat(eventCount()).isEqualTo(events);
        assertThat(jdbc.sql("SELECT count(*) FROM engagement_registry WHERE line_id = :id").param("id", UUID.fromString(line))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(line(line, VALMONT_AGENT).get("engagedCents").asLong()).isEqualTo(30_000);
    }

    @Test
    void aMandateBeyondItsEngagementNamesTheLimitAndChangesNothing() {
        String line = votedLine(VALMONT_AGENT, 2026, "OPERATING", "65", 50_000);
        String engagementId = http.post("/api/budget/lines/" + line + "/engagements", spending(10_000, "BC-M", "2026-01-15"),
                VALMONT_AGENT, null).json().get("id").asString();
        assertThat(http.post("/api/budget/engagements/" + engagementId + "/mandates", spending(6_000, "M-1", "2026-02-01"),
                VALMONT_AGENT, null).status()).isEqualTo(201);
        long events = eventCount();

        var beyond = http.post("/api/budget/engagements/" + engagementId + "/mandates", spending(4_001, "M-2", "2026-02-02"),
                VALMONT_AGENT, null);
        assertProblem(beyond, 422, "engagement-exceeded");
        assertThat(beyond.json().get("limitCents").asLong()).isEqualTo(10_000);
        assertThat(beyond.json().get("mandatedCents").asLong()).isEqualTo(6_000);
        assertThat(beyond.json().get("amountCents").asLong()).isEqualTo(4_001);
        assertThat(eventCount()).isEqualTo(events);
        assertThat(awaitLine(line, VALMONT_AGENT, current -> current.get("mandatedCents").asLong() == 6_000)
                .get("engagements").get(0).get("mandatedCents").asLong()).isEqualTo(6_000);
    }

    @Test
    void anotherTenantsLinesEngagementsAndMandatesAre404() {
        String line = votedLine(VALMONT_AGENT, 2026, "INVESTMENT", "204", 10_000);
        String engagementId = http.post("/api/budget/lines/" + line + "/engagements", spending(5_000, "BC-X", "2026-05-01"),
                VALMONT_AGENT, null).json().get("id").asString();
        String mandateId = http.post("/api/budget/engagements/" + engagementId + "/mandates", spending(1_000, "M-X", "2026-05-02"),
                VALMONT_AGENT, null).json().get("id").asString();
        awaitLine(line, VALMONT_AGENT, current -> current.get("mandatedCents").asLong() == 1_000);
        long events = eventCount();

        assertProblem(http.post("/api/budget/lines/" + line + "/engagements", spending(1, "BC", "2026-05-01"), STAUBIN_AGENT, null), 404, "not-found");
        assertProblem(http.post("/api/budget/engagements/" + engagementId + "/mandates", spending(1, "M", "2026-05-01"), STAUBIN_AGENT, null), 404, "not-found");
        assertProblem(http.get("/api/budget/engagements/" + engagementId, STAUBIN_AGENT, null), 404, "not-found");
        assertProblem(http.get("/api/budget/mandates/" + mandateId, STAUBIN_AGENT, null), 404, "not-found");
        assertProblem(http.post("/api/budget/lines/" + UUID.randomUUID() + "/engagements", spending(1, "BC", "2026-05-01"), VALMONT_AGENT, null), 404, "not-found");
        assertProblem(http.post("/api/budget/engagements/" + UUID.randomUUID() + "/mandates", spending(1, "M", "2026-05-01"), VALMONT_AGENT, null), 404, "not-found");
        assertProblem(http.get("/api/budget/engagements/" + UUID.randomUUID(), VALMONT_AGENT, null), 404, "not-found");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anIdOfAnotherKindOfResourceIsNotALine() {
        var programme = http.post("/api/budget/programmes", """
                {"label": "AP", "chapter": "20", "amountCents": 100, "schedule": [{"year": 2026, "amountCents": 100}]}""",
                VALMONT_AGENT, null);
        assertThat(programme.status()).as(programme.toString()).isEqualTo(201);
        String programmeId = programme.json().get("id").asString();
        String line = votedLine(VALMONT_AGENT, 2026, "INVESTMENT", "20", 100);
        long events = eventCount();
        assertProblem(http.post("/api/budget/lines/" + programmeId + "/engagements", spending(1, "BC", "2026-05-01"), VALMONT_AGENT, null),
                404, "not-found");
        assertProblem(http.post("/api/budget/votes", """
                {"fiscalYear": 2026, "stage": "BP", "lines": [{"lineId": "%s", "creditsCents": 1}]}""".formatted(programmeId),
                VALMONT_AGENT, null), 404, "not-found");
        assertProblem(http.post("/api/budget/programmes/" + line + "/revisions", """
                {"amountCents": 1, "schedule": [{"year": 2026, "amountCents": 1}], "reason": "x"}""", VALMONT_AGENT, null),
                404, "not-found");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anEngagementWithAStaleIfMatchIs409AndChangesNothing() {
        String line = votedLine(VALMONT_AGENT, 2026, "OPERATING", "011", 10_000);
        var read = http.get("/api/budget/lines/" + line, VALMONT_AGENT, null);
        String etag = read.header("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"1\"");
        vote(VALMONT_AGENT, 2026, "DM", line, 20_000);
        long events = eventCount();

        var stale = http.send(http.request("/api/budget/lines/" + line + "/engagements", VALMONT_AGENT, null)
                .header("Content-Type", "application/json").header("If-Match", etag)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(spending(1_000, "BC-IFM", "2026-08-01"))));
        assertProblem(stale, 409, "stale-version");
        assertThat(eventCount()).isEqualTo(events);
        var current = http.send(http.request("/api/budget/lines/" + line + "/engagements", VALMONT_AGENT, null)
                .header("Content-Type", "application/json").header("If-Match", "\"2\"")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(spending(1_000, "BC-IFM", "2026-08-01"))));
        assertThat(current.status()).as(current.toString()).isEqualTo(201);
    }

    @Test
    void aLineClosedByItsCaTakesNoMoreEngagements() {
        String line = votedLine(VALMONT_AGENT, 2026, "OPERATING", "012", 10_000);
        vote(VALMONT_AGENT, 2026, "CA", line, 10_000);
        awaitLine(line, VALMONT_AGENT, current -> "CA".equals(current.get("lastStage").asString()));
        var closed = http.post("/api/budget/lines/" + line + "/engagements", spending(1, "BC", "2026-12-01"), VALMONT_AGENT, null);
        assertProblem(closed, 409, "state-conflict");
        assertThat(closed.json().get("currentState").asString()).isEqualTo("CA");
    }

    @Test
    void badSpendingAnswers400NamingTheField() {
        String line = votedLine(VALMONT_AGENT, 2026, "INVESTMENT", "20", 10_000);
        long events = eventCount();
        String path = "/api/budget/lines/" + line + "/engagements";
        assertBadRequest(http.post(path, "{\"amountCents\": ", VALMONT_AGENT, null), "Malformed JSON");
        assertBadRequest(http.post(path, """
                {"amountCents": "beaucoup", "reference": "BC", "date": "2026-01-01"}""", VALMONT_AGENT, null), "amountCents");
        assertBadRequest(http.post(path, spending(0, "BC", "2026-01-01"), VALMONT_AGENT, null), "amountCents");
        assertBadRequest(http.post(path, spending(1, " ", "2026-01-01"), VALMONT_AGENT, null), "reference");
        assertBadRequest(http.post(path, spending(1, "BC", "31/01/2026"), VALMONT_AGENT, null), "date");
        assertBadRequest(http.post(path, """
                {"amountCents": 1, "reference": "BC"}""", VALMONT_AGENT, null), "date");
        assertBadRequest(http.post("/api/budget/lines/pas-un-uuid/engagements", spending(1, "BC", "2026-01-01"), VALMONT_AGENT, null), "id");
        assertBadRequest(http.post("/api/budget/engagements/" + UUID.randomUUID() + "/mandates", spending(-5, "M", "2026-01-01"),
                VALMONT_AGENT, null), "amountCents");
        assertThat(eventCount()).isEqualTo(events);
    }

    /**
     * A line with a long history is loaded from its latest snapshot (every 5 events in the tests) and decides exactly
     * as if it had replayed every event: the credits left, what is left to mandate on an engagement recorded before
     * the snapshot, a vote below what is engaged.
     */
    @Test
    void aLineLoadedFromItsSnapshotDecidesAsOnItsWholeHistory() {
        String line = votedLine(VALMONT_AGENT, 2026, "INVESTMENT", "23", 10_000);
        var first = http.post("/api/budget/lines/" + line + "/engagements", spending(1_000, "BC-S-0", "2026-03-01"), VALMONT_AGENT, null);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        for (int i = 1; i <= 11; i++) {
            assertThat(http.post("/api/budget/lines/" + line + "/engagements", spending(500, "BC-S-" + i, "2026-03-01"),
                    VALMONT_AGENT, null).status()).isEqualTo(201);
        }

        DomainEventMessage<?> latest = eventStore.readEvents(line).peek();
        assertThat(latest.getPayloadType().getSimpleName()).as("the line is loaded from a snapshot").isEqualTo("BudgetLine");
        assertThat(latest.getSequenceNumber()).isGreaterThanOrEqualTo(5);
        long events = eventCount();
        var beyond = http.post("/api/budget/lines/" + line + "/engagements", spending(3_501, "BC-S-X", "2026-03-02"), VALMONT_AGENT, null);
        assertProblem(beyond, 422, "credits-exceeded");
        assertThat(beyond.json().get("engagedCents").asLong()).isEqualTo(6_500);
        assertThat(beyond.json().get("availableCents").asLong()).isEqualTo(3_500);
        String firstId = first.json().get("id").asString();
        assertThat(http.post("/api/budget/engagements/" + firstId + "/mandates", spending(1_000, "M-S-0", "2026-04-01"),
                VALMONT_AGENT, null).status()).isEqualTo(201);
        assertProblem(http.post("/api/budget/engagements/" + firstId + "/mandates", spending(1, "M-S-X", "2026-04-01"),
                VALMONT_AGENT, null), 422, "engagement-exceeded");
        assertProblem(http.post("/api/budget/votes", """
                {"fiscalYear": 2026, "stage": "DM", "lines": [{"lineId": "%s", "creditsCents": 6499}]}""".formatted(line),
                VALMONT_AGENT, null), 422, "credits-below-engaged");
        assertThat(eventCount()).isEqualTo(events + 1);
        assertThat(http.post("/api/budget/lines/" + line + "/engagements", spending(3_500, "BC-S-12", "2026-03-02"),
                VALMONT_AGENT, null).status()).isEqualTo(201);
        assertThat(awaitLine(line, VALMONT_AGENT, current -> current.get("engagements").size() == 13)
                .get("engagedCents").asLong()).isEqualTo(10_000);
    }

    /**
     * 20 engagements of 1 000 cents sent at once (released together by a latch, each on its own connection) on a line
     * of 12 500: together they would overshoot by 7 500. The service applies engagements on one line one after the
     * other (a database lock per line), so the client never has to retry a version conflict: exactly 12 are
     * accepted, the 8 others answer 422 naming the limit and the amount, never a 409 or a 500, and the read model
     * agrees with what was accepted.
     */
    @Test
    void concurrentEngagementsNeverTogetherOvershootTheCredits() throws Exception {
        String line = votedLine(VALMONT_AGENT, 2026, "INVESTMENT", "21", 12_500);
        int requests = 20;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<TestHttp.Response>> calls = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String body = spending(1_000, "BC-PAR-" + i, "2026-07-01");
            calls.add(() -> {
                start.await();
                return new TestHttp("http://localhost:" + port).post("/api/budget/lines/" + line + "/engagements", body, VALMONT_AGENT, null);
            });
        }
        List<TestHttp.Response> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            List<Future<TestHttp.Response>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<TestHttp.Response> future : futures) {
                answers.add(future.get());
            }
        }

        long accepted = answers.stream().filter(answer -> answer.status() == 201).count();
        assertThat(accepted).as(answers.toString()).isEqualTo(12);
        assertThat(answers).filteredOn(answer -> answer.status() != 201).hasSize(8).allSatisfy(refused -> {
            assertProblem(refused, 422, "credits-exceeded");
            assertThat(refused.json().get("limitCents").asLong()).isEqualTo(12_500);
            assertThat(refused.json().get("amountCents").asLong()).isEqualTo(1_000);
            assertThat(refused.json().get("availableCents").asLong()).isEqualTo(500);
        });
        JsonNode read = awaitLine(line, VALMONT_AGENT, current -> current.get("engagements").size() == accepted);
        assertThat(read.get("engagedCents").asLong()).isEqualTo(accepted * 1_000);
        assertThat(jdbc.sql("SELECT count(*) FROM engagement_registry WHERE line_id = :id").param("id", UUID.fromString(line))
                .query(Long.class).single()).isEqualTo(accepted);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id AND payload_type LIKE '%EngagementRecorded'")
                .param("id", line).query(Long.class).single()).isEqualTo(accepted);

        // Whatever the interleaving, once the contention is over the remaining credits can be engaged exactly.
        long left = 12_500 - accepted * 1_000;
        assertThat(http.post("/api/budget/lines/" + line + "/engagements", spending(left, "BC-REST", "2026-07-02"), VALMONT_AGENT, null)
                .status()).isEqualTo(201);
        assertProblem(http.post("/api/budget/lines/" + line + "/engagements", spending(1, "BC-OVER", "2026-07-02"), VALMONT_AGENT, null),
                422, "credits-exceeded");
        assertThat(awaitLine(line, VALMONT_AGENT, current -> current.get("engagements").size() == accepted + 1)
                .get("engagedCents").asLong()).isEqualTo(12_500);
    }
}

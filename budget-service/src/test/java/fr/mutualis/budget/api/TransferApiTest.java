package fr.mutualis.budget.api;

import fr.mutualis.budget.BudgetIntegrationTest;
import fr.mutualis.contracts.governance.MutualisationCreated;
import fr.mutualis.testsupport.IdempotentCreationCheck;
import fr.mutualis.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Transfers between chapters of one section (DOMAIN.md §3) over the API. The budget of a year is one per owner and
 * year, and the tests share the database: each test works in a fiscal year of its own, so that its ceiling is its own.
 */
class TransferApiTest extends BudgetIntegrationTest {

    @Test
    void creditsMoveBetweenChaptersWithinTheDelegatedRate() {
        int year = 2041;
        String software = votedLine(VALMONT_AGENT, year, "INVESTMENT", "20", 1_000_000);
        String hardware = votedLine(VALMONT_AGENT, year, "INVESTMENT", "21", 600_000);

        var rates = voteRates(VALMONT_AGENT, year, "7.5", "5");
        assertThat(rates.status()).as(rates.toString()).isEqualTo(200);
        assertThat(rates.json().get("deliberation").asString()).isEqualTo("DEL-" + year + "-014");
        JsonNode investment = rates.json().get("investment");
        assertThat(investment.get("ratePercent").decimalValue()).isEqualByComparingTo("7.5");
        assertThat(investment.get("baseCents").asLong()).isEqualTo(1_600_000);
        assertThat(investment.get("ceilingCents").asLong()).isEqualTo(120_000);
        assertThat(investment.get("remainingCents").asLong()).isEqualTo(120_000);
        assertThat(rates.json().get("operating").get("ratePercent").decimalValue()).isEqualByComparingTo("5");

        var made = http.post("/api/budget/transfers", transfer(hardware, software, 100_000, year + "-06-15"), VALMONT_AGENT, null);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String transferId = made.json().get("id").asString();
        assertThat(made.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/api/budget/transfers/" + transferId));

        // Read-your-writes: both lines show it at once.
        JsonNode from = line(hardware, VALMONT_AGENT);
        JsonNode to = line(software, VALMONT_AGENT);
        assertThat(from.get("votedCents").asLong()).isEqualTo(500_000);
        assertThat(to.get("votedCents").asLong()).isEqualTo(1_100_000);
        assertThat(from.get("transfers")).singleElement().satisfies(side -> {
            assertThat(side.get("transferId").asString()).isEqualTo(transferId);
            assertThat(side.get("counterpartLineId").asString()).isEqualTo(software);
            assertThat(side.get("deltaCents").asLong()).isEqualTo(-100_000);
            assertThat(side.get("creditsCents").asLong()).isEqualTo(500_000);
        });
        assertThat(to.get("transfers").get(0).get("deltaCents").asLong()).isEqualTo(100_000);

        JsonNode listed = http.get("/api/budget/transfers?fiscalYear=" + year, VALMONT_AGENT, null).json();
        assertThat(listed.get("investment").get("transferredCents").asLong()).isEqualTo(100_000);
        assertThat(listed.get("investment").get("remainingCents").asLong()).isEqualTo(20_000);
        assertThat(listed.get("investment").get("baseCents").asLong()).as("a transfer keeps the section's expenditure")
                .isEqualTo(1_600_000);
        assertThat(listed.get("transfers")).singleElement().satisfies(item -> {
            assertThat(item.get("id").asString()).isEqualTo(transferId);
            assertThat(item.get("fromChapter").asString()).isEqualTo("21");
            assertThat(item.get("toChapter").asString()).isEqualTo("20");
            assertThat(item.get("amountCents").asLong()).isEqualTo(100_000);
            assertThat(item.get("betweenChapters").asBoolean()).isTrue();
            assertThat(item.get("reason").asString()).isEqualTo("Report du renouvellement des postes");
        });
        var read = http.get("/api/budget/transfers/" + transferId, VALMONT_AGENT, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("section").asString()).isEqualTo("INVESTMENT");

        // The remaining 20,000 and not a cent more, whichever direction.
        long events = eventCount();
        var beyond = http.post("/api/budget/transfers", transfer(software, hardware, 20_001, year + "-07-01"), VALMONT_AGENT, null);
        assertProblem(beyond, 422, "transfer-ceiling-exceeded");
        assertThat(beyond.json().get("limitCents").asLong()).isEqualTo(120_000);
        assertThat(beyond.json().get("transferredCents").asLong()).isEqualTo(100_000);
        assertThat(beyond.json().get("amountCents").asLong()).isEqualTo(20_001);
        assertThat(beyond.json().get("detail").asString()).contains("20001", "120000");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(line(software, VALMONT_AGENT).get("votedCents").asLong()).isEqualTo(1_100_000);
        assertThat(http.post("/api/budget/transfers", transfer(software, hardware, 20_000, year + "-07-01"), VALMONT_AGENT, null)
                .status()).isEqualTo(201);

        JsonNode summary = http.get("/api/budget/summary?fiscalYear=" + year, VALMONT_AGENT, null).json();
        assertThat(summary.get("investment").get("votedCents").asLong()).isEqualTo(1_600_000);
    }

    @Test
    void staffCostsNeitherGiveNorReceive() {
        int year = 2042;
        String staff = votedLine(VALMONT_AGENT, year, "OPERATING", "012", 5_000_000);
        String general = votedLine(VALMONT_AGENT, year, "OPERATING", "011", 1_000_000);
        assertThat(voteRates(VALMONT_AGENT, year, "7.5", "7.5").status()).isEqualTo(200);
        long events = eventCount();

        var out = http.post("/api/budget/transfers", transfer(staff, general, 1_000, year + "-03-01"), VALMONT_AGENT, null);
        assertProblem(out, 422, "staff-costs-transfer");
        assertThat(out.json().get("detail").asString()).contains("012");
        assertProblem(http.post("/api/budget/transfers", transfer(general, staff, 1_000, year + "-03-01"), VALMONT_AGENT, null),
                422, "staff-costs-transfer");

        assertThat(eventCount()).isEqualTo(events);
        assertThat(line(staff, VALMONT_AGENT).get("votedCents").asLong()).isEqualTo(5_000_000);
        assertThat(line(general, VALMONT_AGENT).get("votedCents").asLong()).isEqualTo(1_000_000);
        assertThat(line(general, VALMONT_AGENT).get("transfers")).isEmpty();
    }

    @Test
    void creditsStayInTheirSection() {
        int year = 2043;
        String software = votedLine(VALMONT_AGENT, year, "INVESTMENT", "20", 1_000_000);
        String general = votedLine(VALMONT_AGENT, year, "OPERATING", "011", 1_000_000);
        assertThat(voteRates(VALMONT_AGENT, year, "7.5", "7.5").status()).isEqualTo(200);
        long events = eventCount();

        assertProblem(http.post("/api/budget/transfers", transfer(general, software, 1_000, year + "-03-01"), VALMONT_AGENT, null),
                422, "transfer-between-sections");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void withoutADelegationOnlyLinesOfOneChapterShareCredits() {
        int year = 2044;
        String software = votedLine(VALMONT_AGENT, year, "INVESTMENT", "20", 1_000_000);
        String otherSoftware = votedLine(VALMONT_AGENT, year, "INVESTMENT", "20", 0);
        String hardware = votedLine(VALMONT_AGENT, year, "INVESTMENT", "21", 500_000);
        long events = eventCount();

        assertProblem(http.post("/api/budget/transfers", transfer(hardware, software, 1, year + "-03-01"), VALMONT_AGENT, null),
                422, "transfer-not-delegated");
        assertThat(eventCount()).isEqualTo(events);

        var withinChapter = http.post("/api/budget/transfers", transfer(software, otherSoftware, 400_000, year + "-03-01"),
                VALMONT_AGENT, null);
        assertThat(withinChapter.status()).as(withinChapter.toString()).isEqualTo(201);
        JsonNode listed = http.get("/api/budget/transfers?fiscalYear=" + year, VALMONT_AGENT, null).json();
        assertThat(listed.get("deliberation").isNull()).isTrue();
        assertThat(listed.get("investment").get("transferredCents").asLong()).isZero();
        assertThat(listed.get("transfers")).singleElement()
                .satisfies(item -> assertThat(item.get("betweenChapters").asBoolean()).isFalse());
        assertThat(line(otherSoftware, VALMONT_AGENT).get("votedCents").asLong()).isEqualTo(400_000);
    }

    @Test
    void aTransferTakesOnlyUnengagedCreditsOfOpenLinesInTheirYear() {
        int year = 2045;
        String software = votedLine(VALMONT_AGENT, year, "INVESTMENT", "20", 1_000_000);
        String hardware = votedLine(VALMONT_AGENT, year, "INVESTMENT", "21", 1_000_000);
        String notVoted = openLine(VALMONT_AGENT, year, "INVESTMENT", "23", 10_000);
        assertThat(voteRates(VALMONT_AGENT, year, "7.5", "0").status()).isEqualTo(200);
        assertThat(http.post("/api/budget/lines/" + hardware + "/engagements", spending(960_000, "BC-1", year + "-02-01"),
                VALMONT_AGENT, null).status()).isEqualTo(201);
        long events = eventCount();

        var engaged = http.post("/api/budget/transfers", transfer(hardware, software, 40_001, year + "-03-01"), VALMONT_AGENT, null);
        assertProblem(engaged, 422, "transfer-exceeds-available");
        assertThat(engaged.json().get("limitCents").asLong()).isEqualTo(40_000);
        assertProblem(http.post("/api/budget/transfers", transfer(software, notVoted, 1, year + "-03-01"), VALMONT_AGENT, null),
                409, "state-conflict");
        assertProblem(http.post("/api/budget/transfers", transfer(software, hardware, 1, (year + 1) + "-01-02"), VALMONT_AGENT, null),
                422, "date-outside-fiscal-year");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(line(software, VALMONT_AGENT).get("votedCents").asLong()).isEqualTo(1_000_000);

        vote(VALMONT_AGENT, year, "CA", software, 1_000_000);
        awaitLine(software, VALMONT_AGENT, current -> "CA".equals(current.get("lastStage").asString()));
        assertProblem(http.post("/api/budget/transfers", transfer(hardware, software, 1, year + "-12-01"), VALMONT_AGENT, null),
                409, "state-conflict");
    }

    /**
     * Both ids are checked to be lines before either line is asked anything: a programme's id as the target answers
     * 404 naming it, even when the source would refuse the amount (422).
     */
    @Test
    void aTransferToAnIdOfAnotherKindIsNotFoundBeforeTheSourceIsAsked() {
        int year = 2049;
        String software = votedLine(VALMONT_AGENT, year, "INVESTMENT", "20", 1_000);
        var programme = http.post("/api/budget/programmes", """
                {"label": "AP", "chapter": "21", "amountCents": 100, "schedule": [{"year": %d, "amountCents": 100}]}"""
                .formatted(year), VALMONT_AGENT, null);
        assertThat(programme.status()).as(programme.toString()).isEqualTo(201);
        String programmeId = programme.json().get("id").asString();
        long events = eventCount();

        var answer = http.post("/api/budget/transfers", transfer(software, programmeId, 5_000, year + "-03-01"),
                VALMONT_AGENT, null);
        assertProblem(answer, 404, "not-found");
        assertThat(answer.json().get("detail").asString()).isEqualTo("Budget line " + programmeId + " not found");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void theRateIsAtMostSevenAndAHalfPercent() {
        int year = 2046;
        long events = eventCount();
        var above = voteRates(VALMONT_AGENT, year, "7.51", "5");
        assertProblem(above, 422, "transfer-rate-above-maximum");
        assertThat(above.json().get("detail").asString()).contains("7.51", "7.5 %");
        assertThat(eventCount()).isEqualTo(events);
        JsonNode listed = http.get("/api/budget/transfers?fiscalYear=" + year, VALMONT_AGENT, null).json();
        assertThat(listed.get("investment").get("ratePercent").decimalValue()).isZero();

        // A later délibération replaces the rates.
        assertThat(voteRates(VALMONT_AGENT, year, "7.5", "7.5").status()).isEqualTo(200);
        var lowered = voteRates(VALMONT_AGENT, year, "2.25", "0");
        assertThat(lowered.status()).isEqualTo(200);
        assertThat(lowered.json().get("investment").get("ratePercent").decimalValue()).isEqualByComparingTo("2.25");
        assertThat(lowered.json().get("operating").get("ratePercent").decimalValue()).isZero();
    }

    @Test
    void malformedRequestsAre400AndChangeNothing() {
        String software = votedLine(VALMONT_AGENT, 2047, "INVESTMENT", "20", 1_000);
        String hardware = votedLine(VALMONT_AGENT, 2047, "INVESTMENT", "21", 1_000);
        long events = eventCount();

        assertBadRequest(http.put("/api/budget/transfer-rates/2047", """
                {"investmentPercent": 7.555, "operatingPercent": 5, "deliberation": "DEL"}""", VALMONT_AGENT, null), "investmentPercent");
        assertBadRequest(http.put("/api/budget/transfer-rates/2047", """
                {"investmentPercent": -1, "operatingPercent": 5, "deliberation": "DEL"}""", VALMONT_AGENT, null), "investmentPercent");
        assertBadRequest(http.put("/api/budget/transfer-rates/2047", """
                {"investmentPercent": "beaucoup", "operatingPercent": 5, "deliberation": "DEL"}""", VALMONT_AGENT, null), "investmentPercent");
        assertBadRequest(http.put("/api/budget/transfer-rates/2047", """
                {"investmentPercent": 7.5, "operatingPercent": 5}""", VALMONT_AGENT, null), "deliberation");
        assertBadRequest(http.put("/api/budget/transfer-rates/2047", """
                {"investmentPercent": 7.5, "deliberation": "DEL"}""", VALMONT_AGENT, null), "operatingPercent");
        assertBadRequest(http.put("/api/budget/transfer-rates/1999", rates("7.5", "5", "DEL"), VALMONT_AGENT, null), "fiscalYear");
        assertBadRequest(http.put("/api/budget/transfer-rates/deux-mille", rates("7.5", "5", "DEL"), VALMONT_AGENT, null), "fiscalYear");

        assertBadRequest(http.post("/api/budget/transfers", transfer(software, software, 1, "2047-03-01"), VALMONT_AGENT, null), "toLineId");
        assertBadRequest(http.post("/api/budget/transfers", transfer(software, hardware, 0, "2047-03-01"), VALMONT_AGENT, null), "amountCents");
        assertBadRequest(http.post("/api/budget/transfers", transfer(software, hardware, -5, "2047-03-01"), VALMONT_AGENT, null), "amountCents");
        assertBadRequest(http.post("/api/budget/transfers", transfer(software, "pas-un-uuid", 1, "2047-03-01"), VALMONT_AGENT, null), "toLineId");
        assertBadRequest(http.post("/api/budget/transfers", transfer(software, hardware, 1, "2047-02-30"), VALMONT_AGENT, null), "date");
        assertBadRequest(http.post("/api/budget/transfers", """
                {"fromLineId": "%s", "toLineId": "%s", "amountCents": 1, "date": "2047-03-01"}""".formatted(software, hardware),
                VALMONT_AGENT, null), "reason");
        assertBadRequest(http.post("/api/budget/transfers", """
                {"fromLineId": "%s", "toLineId": "%s", "amountCents": 1.5, "reason": "x", "date": "2047-03-01"}""".formatted(software, hardware),
                VALMONT_AGENT, null), "amountCents");
        assertBadRequest(http.get("/api/budget/transfers", VALMONT_AGENT, null), "fiscalYear");
        assertBadRequest(http.get("/api/budget/transfers/pas-un-uuid", VALMONT_AGENT, null), "id");

        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anotherTenantsLinesAndTransfersAre404() {
        int year = 2048;
        String software = votedLine(VALMONT_AGENT, year, "INVESTMENT", "20", 1_000_000);
        String hardware = votedLine(VALMONT_AGENT, year, "INVESTMENT", "21", 1_000_000);
        String theirs = votedLine(STAUBIN_AGENT, year, "INVESTMENT", "21", 1_000_000);
        assertThat(voteRates(VALMONT_AGENT, year, "7.5", "7.5").status()).isEqualTo(200);
        assertThat(voteRates(STAUBIN_AGENT, year, "7.5", "7.5").status()).isEqualTo(200);
        String transferId = http.post("/api/budget/transfers", transfer(hardware, software, 1_000, year + "-03-01"), VALMONT_AGENT, null)
                .json().get("id").asString();
        var programme = http.post("/api/budget/programmes", """
                {"label": "AP", "chapter": "20", "amountCents": 100, "schedule": [{"year": 2048, "amountCents": 100}]}""",
                VALMONT_AGENT, null);
        String programmeId = programme.json().get("id").asString();
        long events = eventCount();

        assertProblem(http.post("/api/budget/transfers", transfer(hardware, software, 1, year + "-03-01"), STAUBIN_AGENT, null), 404, "not-found");
        assertProblem(http.post("/api/budget/transfers", transfer(theirs, software, 1, year + "-03-01"), STAUBIN_AGENT, null), 404, "not-found");
        assertProblem(http.post("/api/budget/transfers", transfer(hardware, theirs, 1, year + "-03-01"), VALMONT_AGENT, null), 404, "not-found");
        assertProblem(http.post("/api/budget/transfers", transfer(UUID.randomUUID().toString(), software, 1, year + "-03-01"),
                VALMONT_AGENT, null), 404, "not-found");
        assertProblem(http.post("/api/budget/transfers", transfer(programmeId, software, 1, year + "-03-01"), VALMONT_AGENT, null),
                404, "not-found");
        assertProblem(http.get("/api/budget/transfers/" + transferId, STAUBIN_AGENT, null), 404, "not-found");
        assertProblem(http.get("/api/budget/transfers/" + UUID.randomUUID(), VALMONT_AGENT, null), 404, "not-found");
        assertThat(eventCount()).isEqualTo(events);

        JsonNode theirList = http.get("/api/budget/transfers?fiscalYear=" + year, STAUBIN_AGENT, null).json();
        assertThat(theirList.get("ownerId").asString()).isEqualTo(SAINT_AUBIN);
        assertThat(theirList.get("transfers")).isEmpty();
        assertThat(theirList.get("investment").get("baseCents").asLong()).isEqualTo(1_000_000);
        assertThat(line(theirs, STAUBIN_AGENT).get("votedCents").asLong()).isEqualTo(1_000_000);
    }

    @Test
    void aMutualisationsBudgetIsChangedByItsAdministratorsAndReadByItsMembers() {
        UUID shared = UUID.randomUUID();
        publishGovernance(shared.toString(), CAGV, new MutualisationCreated(shared, "DSI commune", CAGV,
                List.of(VALMONT, SAINT_AUBIN), "POPULATION", Map.of()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM kit_mutualisation WHERE mutualisation_id = :id")
                .param("id", shared).query(Long.class).single() == 1);
        int year = 2049;
        String software = sharedLine(shared, year, "20");
        String hardware = sharedLine(shared, year, "21");
        String ratesPath = "/api/budget/transfer-rates/" + year + "?mutualisationId=" + shared;
        long events = eventCount();

        assertProblem(http.put(ratesPath, rates("7.5", "7.5", "DEL"), VALMONT_AGENT, null), 403, "forbidden");
        assertProblem(http.put(ratesPath, rates("7.5", "7.5", "DEL"), CAGV_AGENT, null), 403, "forbidden");
        assertProblem(http.put(ratesPath, rates("7.5", "7.5", "DEL"), AULNES_AGENT, null), 404, "not-found");
        assertProblem(http.put("/api/budget/transfer-rates/" + year + "?mutualisationId=" + UUID.randomUUID(),
                rates("7.5", "7.5", "DEL"), CAGV_ADMIN, null), 404, "not-found");
        assertThat(eventCount()).isEqualTo(events);

        var rates = http.put(ratesPath, rates("7.5", "7.5", "CC-" + year + "-07"), CAGV_ADMIN, null);
        assertThat(rates.status()).as(rates.toString()).isEqualTo(200);
        assertThat(rates.json().get("mutualisationId").asString()).isEqualTo(shared.toString());
        assertThat(rates.json().get("investment").get("ceilingCents").asLong()).isEqualTo(6_000);
        events = eventCount();
        assertProblem(http.post("/api/budget/transfers", transfer(hardware, software, 1_000, year + "-03-01"), VALMONT_AGENT, null),
                403, "forbidden");
        assertProblem(http.post("/api/budget/transfers", transfer(hardware, software, 1_000, year + "-03-01"), AULNES_AGENT, null),
                404, "not-found");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(http.post("/api/budget/transfers", transfer(hardware, software, 6_000, year + "-03-01"), CAGV_ADMIN, null)
                .status()).isEqualTo(201);

        var memberView = http.get("/api/budget/transfers?fiscalYear=" + year + "&mutualisationId=" + shared, STAUBIN_AGENT, null);
        assertThat(memberView.status()).isEqualTo(200);
        assertThat(memberView.json().get("transfers")).hasSize(1);
        assertThat(memberView.json().get("investment").get("remainingCents").asLong()).isZero();
        assertProblem(http.get("/api/budget/transfers?fiscalYear=" + year + "&mutualisationId=" + shared, AULNES_AGENT, null),
                404, "not-found");
    }

    /**
     * Ten transfers at once on four pairs of lines: each takes 40,000 of a ceiling of 120,000. The budget of the year is
     * locked for each, so exactly three are made and the others refused, whatever the interleaving.
     */
    @Test
    void concurrentTransfersCannotTogetherOvershootTheCeiling() throws Exception {
        int year = 2050;
        List<String> sources = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sources.add(votedLine(VALMONT_AGENT, year, "INVESTMENT", "21", 250_000));
            targets.add(votedLine(VALMONT_AGENT, year, "INVESTMENT", "20", 150_000));
        }
        assertThat(voteRates(VALMONT_AGENT, year, "7.5", "0").json().get("investment").get("ceilingCents").asLong())
                .isEqualTo(120_000);

        List<Callable<TestHttp.Response>> transfers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String body = transfer(sources.get(i % 4), targets.get(i % 4), 40_000, year + "-05-01");
            transfers.add(() -> http.post("/api/budget/transfers", body, VALMONT_AGENT, null));
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (Future<TestHttp.Response> answer : pool.invokeAll(transfers)) {
                statuses.add(answer.get().status());
            }
        }

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(3);
        assertThat(statuses).filteredOn(status -> status == 422).hasSize(7);
        JsonNode listed = http.get("/api/budget/transfers?fiscalYear=" + year, VALMONT_AGENT, null).json();
        assertThat(listed.get("investment").get("transferredCents").asLong()).isEqualTo(120_000);
        assertThat(listed.get("transfers")).hasSize(3);
        long credits = 0;
        for (String line : sources) {
            credits += line(line, VALMONT_AGENT).get("votedCents").asLong();
        }
        assertThat(credits).isEqualTo(1_000_000 - 120_000);
    }

    @Test
    void aTransferWithAnIdempotencyKeyMovesTheCreditsOnce() {
        int year = 2051;
        String software = votedLine(VALMONT_AGENT, year, "INVESTMENT", "20", 1_000_000);
        String hardware = votedLine(VALMONT_AGENT, year, "INVESTMENT", "21", 600_000);
        assertThat(voteRates(VALMONT_AGENT, year, "7.5", "5").status()).isEqualTo(200);
        new IdempotentCreationCheck(http).createsOnce("/api/budget/transfers", VALMONT_AGENT,
                transfer(hardware, software, 10_000, year + "-06-15"), transfer(hardware, software, 20_000, year + "-06-15"),
                () -> jdbc.sql("SELECT count(*) FROM credit_transfer_view").query(Long.class).single());
        assertThat(line(hardware, VALMONT_AGENT).get("votedCents").asLong()).isEqualTo(590_000);
    }

    private TestHttp.Response voteRates(String token, int year, String investment, String operating) {
        return http.put("/api/budget/transfer-rates/" + year, rates(investment, operating, "DEL-" + year + "-014"), token, null);
    }

    private String sharedLine(UUID mutualisation, int year, String chapter) {
        var created = http.post("/api/budget/lines", """
                {"fiscalYear": %d, "section": "INVESTMENT", "chapter": "%s", "label": "DSI commune %s",
                 "mutualisationId": "%s", "plannedCents": 40000}""".formatted(year, chapter, chapter, mutualisation), CAGV_ADMIN, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        vote(CAGV_ADMIN, year, "BP", id, 40_000);
        awaitLine(id, CAGV_ADMIN, line -> line.get("votedCents").asLong() == 40_000);
        return id;
    }

    private static String rates(String investment, String operating, String deliberation) {
        return """
                {"investmentPercent": %s, "operatingPercent": %s, "deliberation": "%s"}""".formatted(investment, operating, deliberation);
    }

    private static String transfer(String from, String to, long amountCents, String date) {
        return """
                {"fromLineId": "%s", "toLineId": "%s", "amountCents": %d, "reason": "Report du renouvellement des postes",
                 "date": "%s"}""".formatted(from, to, amountCents, date);
    }
}

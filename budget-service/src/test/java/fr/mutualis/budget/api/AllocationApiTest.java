package fr.mutualis.budget.api;

import fr.mutualis.budget.BudgetIntegrationTest;
import fr.mutualis.budget.messages.AllocateCosts;
import fr.mutualis.testsupport.IdempotentCreationCheck;
import fr.mutualis.contracts.governance.MutualisationCreated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Shared-service cost allocation, fed by governance's real Kafka events (directory, populations, shares). */
class AllocationApiTest extends BudgetIntegrationTest {

    static final String VALMONT_ADMIN = ISSUER.token("valmont-admin", List.of(VALMONT), List.of("SHARED_SERVICE_ADMIN"));
    static final String UNREGISTERED = "210000055";

    final UUID byPopulation = UUID.randomUUID();
    final UUID byUsage = UUID.randomUUID();
    final UUID byShares = UUID.randomUUID();
    final UUID withUnknownMember = UUID.randomUUID();

    @BeforeEach
    void governancePublishedTheTerritory() {
        directoryHasTheDemoTerritory();
        mutualisation(byPopulation, "POPULATION", List.of(VALMONT, SAINT_AUBIN), Map.of());
        mutualisation(byUsage, "USAGE", List.of(VALMONT, SAINT_AUBIN, AULNES), Map.of());
        mutualisation(byShares, "FIXED_SHARES", List.of(VALMONT, SAINT_AUBIN),
                Map.of(VALMONT, new BigDecimal("60.5"), SAINT_AUBIN, new BigDecimal("39.5")));
        mutualisation(withUnknownMember, "POPULATION", List.of(VALMONT, UNREGISTERED), Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM kit_mutualisation WHERE mutualisation_id IN (:a, :b, :c, :d)",
                Map.of("a", byPopulation, "b", byUsage, "c", byShares, "d", withUnknownMember)) == 4
                && count("SELECT count(*) FROM mutualisation_share WHERE mutualisation_id = :a", Map.of("a", byShares)) == 2);
    }

    @Test
    void theAdministeringEpciSplitsTheCostByPopulationAndEachMemberSeesOnlyItsPart() {
        var created = http.post(path(byPopulation), "{\"fiscalYear\": 2026, \"costCents\": 1000000}", CAGV_ADMIN, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith(path(byPopulation) + "?fiscalYear=2026"));
        // 80 000 / 92 000 → 869 565.21…, 12 000 / 92 000 → 130 434.78…: the spare cent goes to the larger remainder.
        assertThat(shares(created.json())).isEqualTo(Map.of(VALMONT, 869_565L, SAINT_AUBIN, 130_435L));
        assertThat(created.json().get("method").asString()).isEqualTo("POPULATION");

        JsonNode all = awaitAllocation(byPopulation, CAGV_AGENT, 2026);
        assertThat(shares(all)).isEqualTo(Map.of(VALMONT, 869_565L, SAINT_AUBIN, 130_435L));
        assertThat(all.get("costCents").asLong()).isEqualTo(1_000_000);
        assertThat(shares(http.get(path(byPopulation) + "?fiscalYear=2026", VALMONT_AGENT, null).json())).isEqualTo(Map.of(VALMONT, 869_565L));
        assertThat(shares(http.get(path(byPopulation) + "?fiscalYear=2026", STAUBIN_AGENT, null).json())).isEqualTo(Map.of(SAINT_AUBIN, 130_435L));
        assertProblem(http.get(path(byPopulation) + "?fiscalYear=2026", AULNES_AGENT, null), 404, "not-found");
        assertProblem(http.get(path(UUID.randomUUID()) + "?fiscalYear=2026", CAGV_AGENT, null), 404, "not-found");
        assertProblem(http.get(path(byPopulation) + "?fiscalYear=2030", CAGV_AGENT, null), 404, "not-found");
    }

    @Test
    void anAllocationWithAnIdempotencyKeyIsMadeOnce() {
        UUID allocation = AllocateCosts.idOf(byPopulation, 2029);
        new IdempotentCreationCheck(http).createsOnce(path(byPopulation), CAGV_ADMIN,
                "{\"fiscalYear\": 2029, \"costCents\": 1000}", "{\"fiscalYear\": 2029, \"costCents\": 2000}",
                () -> count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id",
                        Map.of("id", allocation.toString())));
    }

    @Test
    void aNewAllocationOfTheYearReplacesThePreviousOne() {
        assertThat(http.post(path(byPopulation), "{\"fiscalYear\": 2027, \"costCents\": 92}", CAGV_ADMIN, null).status()).isEqualTo(201);
        awaitAllocation(byPopulation, CAGV_AGENT, 2027);
        assertThat(http.post(path(byPopulation), "{\"fiscalYear\": 2027, \"costCents\": 920}", CAGV_ADMIN, null).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(15)).until(() -> http.get(path(byPopulation) + "?fiscalYear=2027", CAGV_AGENT, null).json()
                .get("costCents").asLong() == 920);
        assertThat(shares(http.get(path(byPopulation) + "?fiscalYear=2027", CAGV_AGENT, null).json()))
                .isEqualTo(Map.of(VALMONT, 800L, SAINT_AUBIN, 120L));
    }

    @Test
    void usageAndFixedSharesSplitExactlyToo() {
        var usage = http.post(path(byUsage), """
                {"fiscalYear": 2026, "costCents": 100001, "usage": {"%s": 50, "%s": 30, "%s": 20}}""".formatted(VALMONT, SAINT_AUBIN, AULNES),
                CAGV_ADMIN, null);
        assertThat(usage.status()).as(usage.toString()).isEqualTo(201);
        assertThat(shares(usage.json())).isEqualTo(Map.of(VALMONT, 50_001L, SAINT_AUBIN, 30_000L, AULNES, 20_000L));

        var fixed = http.post(path(byShares), "{\"fiscalYear\": 2026, \"costCents\": 1001}", CAGV_ADMIN, null);
        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(201);
        assertThat(shares(fixed.json())).isEqualTo(Map.of(VALMONT, 606L, SAINT_AUBIN, 395L));
    }

    @Test
    void onlyTheAdministeringEpcisSharedServiceAdminAllocates() {
        long events = eventCount();
        assertProblem(http.post(path(byPopulation), "{\"fiscalYear\": 2028, \"costCents\": 100}", VALMONT_ADMIN, null), 403, "forbidden");
        assertProblem(http.post(path(byPopulation), "{\"fiscalYear\": 2028, \"costCents\": 100}", CAGV_AGENT, null), 403, "forbidden");
        assertProblem(http.post(path(byPopulation), "{\"fiscalYear\": 2028, \"costCents\": 100}", AULNES_AGENT, null), 404, "not-found");
        assertProblem(http.post(path(UUID.randomUUID()), "{\"fiscalYear\": 2028, \"costCents\": 100}", CAGV_ADMIN, null), 404, "not-found");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void allocationsThatCannotBeSplitBreakARuleAndChangeNothing() {
        long events = eventCount();
        var unknownPopulation = http.post(path(withUnknownMember), "{\"fiscalYear\": 2026, \"costCents\": 100}", CAGV_ADMIN, null);
        assertProblem(unknownPopulation, 422, "allocation-weight-missing");
        assertThat(unknownPopulation.json().get("detail").asString()).contains(UNREGISTERED);
        assertProblem(http.post(path(byUsage), """
                {"fiscalYear": 2026, "costCents": 100, "usage": {"%s": 1, "%s": 1}}""".formatted(VALMONT, SAINT_AUBIN), CAGV_ADMIN, null),
                422, "allocation-weight-missing");
        assertProblem(http.post(path(byUsage), """
                {"fiscalYear": 2026, "costCents": 100, "usage": {"%s": 1, "%s": 1, "%s": 1, "%s": 1}}""".formatted(VALMONT, SAINT_AUBIN, AULNES, CAGV),
                CAGV_ADMIN, null), 422, "allocation-not-a-member");
        assertProblem(http.post(path(byUsage), """
                {"fiscalYear": 2026, "costCents": 100, "usage": {"%s": 0, "%s": 0, "%s": 0}}""".formatted(VALMONT, SAINT_AUBIN, AULNES),
                CAGV_ADMIN, null), 422, "allocation-weights-zero");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void badAllocationsAnswer400NamingTheField() {
        long events = eventCount();
        assertBadRequest(http.post(path(byUsage), "{\"fiscalYear\": ", CAGV_ADMIN, null), "Malformed JSON");
        assertBadRequest(http.post(path(byUsage), "{\"costCents\": 1, \"usage\": {}}", CAGV_ADMIN, null), "fiscalYear");
        assertBadRequest(http.post(path(byUsage), "{\"fiscalYear\": 2026, \"costCents\": -1, \"usage\": {}}", CAGV_ADMIN, null), "costCents");
        assertBadRequest(http.post(path(byUsage), "{\"fiscalYear\": 2026, \"costCents\": \"cent\"}", CAGV_ADMIN, null), "costCents");
        assertBadRequest(http.post(path(byUsage), "{\"fiscalYear\": 2026, \"costCents\": 1}", CAGV_ADMIN, null), "usage");
        assertBadRequest(http.post(path(byUsage), "{\"fiscalYear\": 2026, \"costCents\": 1, \"usage\": {\"%s\": -3}}".formatted(VALMONT),
                CAGV_ADMIN, null), "usage");
        assertBadRequest(http.post(path(byUsage), "{\"fiscalYear\": 2026, \"costCents\": 1, \"usage\": {\"Valmont\": 3}}", CAGV_ADMIN, null), "usage");
        assertBadRequest(http.post(path(byPopulation), "{\"fiscalYear\": 2026, \"costCents\": 1, \"usage\": {\"%s\": 3}}".formatted(VALMONT),
                CAGV_ADMIN, null), "usage");
        assertBadRequest(http.post("/api/budget/mutualisations/pas-un-uuid/allocations", "{\"fiscalYear\": 2026, \"costCents\": 1}", CAGV_ADMIN, null), "id");
        assertBadRequest(http.get(path(byPopulation), CAGV_AGENT, null), "fiscalYear");
        assertBadRequest(http.get(path(byPopulation) + "?fiscalYear=deux", CAGV_AGENT, null), "fiscalYear");
        assertThat(eventCount()).isEqualTo(events);
    }

    private void mutualisation(UUID id, String method, List<String> members, Map<String, BigDecimal> shares) {
        publishGovernance(id.toString(), CAGV, new MutualisationCreated(id, "Service commun " + method, CAGV, members, method, shares));
    }

    private JsonNode awaitAllocation(UUID mutualisation, String token, int fiscalYear) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> {
            var answer = http.get(path(mutualisation) + "?fiscalYear=" + fiscalYear, token, null);
            return answer.status() == 200 ? answer.json() : null;
        }, answer -> answer != null);
    }

    private long count(String sql, Map<String, Object> params) {
        var statement = jdbc.sql(sql);
        for (var param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        return statement.query(Long.class).single();
    }

    private static Map<String, Long> shares(JsonNode allocation) {
        Map<String, Long> shares = new java.util.TreeMap<>();
        allocation.get("allocations").forEach(share -> shares.put(share.get("siren").asString(), share.get("amountCents").asLong()));
        return shares;
    }

    private static String path(UUID mutualisation) {
        return "/api/budget/mutualisations/" + mutualisation + "/allocations";
    }
}

package fr.mutualis.budget.query;

import fr.mutualis.budget.BudgetIntegrationTest;
import fr.mutualis.contracts.governance.MutualisationCreated;
import fr.mutualis.kit.tenant.AsTenant;
import fr.mutualis.kit.tenant.TenantScopedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The second wall: a query that forgets its tenant filter, run through the application's own DataSource while
 * serving Valmont, returns none of Saint-Aubin's rows, on every protected read-model table; the same query without a
 * tenant (as the projections and consumers run) sees every row, which is how the projections wrote Saint-Aubin's.
 */
class RowLevelSecurityTest extends BudgetIntegrationTest {

    private static final UUID VALMONTS_MUTUALISATION = UUID.randomUUID();
    private static final UUID OTHERS_MUTUALISATION = UUID.randomUUID();
    private static boolean seeded;

    @Autowired
    DataSource dataSource;

    JdbcClient application;

    @BeforeEach
    void bothTenantsHaveData() {
        application = JdbcClient.create(dataSource);
        if (seeded) {
            return;
        }
        publishGovernance(VALMONTS_MUTUALISATION.toString(), CAGV, new MutualisationCreated(VALMONTS_MUTUALISATION, "DSI",
                CAGV, List.of(VALMONT, SAINT_AUBIN), "POPULATION", Map.of()));
        publishGovernance(OTHERS_MUTUALISATION.toString(), CAGV, new MutualisationCreated(OTHERS_MUTUALISATION, "SIG",
                CAGV, List.of(SAINT_AUBIN, AULNES), "FIXED_SHARES", Map.of(SAINT_AUBIN, BigDecimal.valueOf(50),
                AULNES, BigDecimal.valueOf(50))));
        for (String token : List.of(VALMONT_AGENT, STAUBIN_AGENT)) {
            String line = votedLine(token, 2026, "INVESTMENT", "20", 10_000);
            var engagement = http.post("/api/budget/lines/" + line + "/engagements", spending(4_000, "BC-RLS", "2026-02-01"), token, null);
            assertThat(engagement.status()).as(engagement.toString()).isEqualTo(201);
            var mandate = http.post("/api/budget/engagements/" + engagement.json().get("id").asString() + "/mandates",
                    spending(1_000, "M-RLS", "2026-03-01"), token, null);
            assertThat(mandate.status()).as(mandate.toString()).isEqualTo(201);
            var programme = http.post("/api/budget/programmes", """
                    {"label": "AP RLS", "chapter": "21", "amountCents": 100, "schedule": [{"year": 2026, "amountCents": 100}]}""",
                    token, null);
            assertThat(programme.status()).as(programme.toString()).isEqualTo(201);
            // A year of its own: the rate and the transfer stay out of the other tests' 2026 budgets.
            String software = votedLine(token, 2039, "INVESTMENT", "20", 10_000);
            String hardware = votedLine(token, 2039, "INVESTMENT", "21", 10_000);
            var rates = http.put("/api/budget/transfer-rates/2039", """
                    {"investmentPercent": 7.5, "operatingPercent": 7.5, "deliberation": "DEL-RLS"}""", token, null);
            assertThat(rates.status()).as(rates.toString()).isEqualTo(200);
            var transfer = http.post("/api/budget/transfers", """
                    {"fromLineId": "%s", "toLineId": "%s", "amountCents": 100, "reason": "RLS", "date": "2039-03-01"}"""
                    .formatted(hardware, software), token, null);
            assertThat(transfer.status()).as(transfer.toString()).isEqualTo(201);
        }
        // Rows the consumers write with no tenant, as they do from governance's events.
        jdbc.sql("INSERT INTO line_arbitration (decision_id, line_id, owner_id, amount_cents) VALUES (:d, :l, :o, 1)")
                .param("d", UUID.randomUUID()).param("l", UUID.randomUUID()).param("o", SAINT_AUBIN).update();
        for (String siren : List.of(VALMONT, SAINT_AUBIN)) {
            jdbc.sql("""
                            INSERT INTO cost_allocation_view (mutualisation_id, fiscal_year, siren, epci_siren, cost_cents, method,
                                weight, amount_cents, sequence) VALUES (:m, 2026, :siren, :epci, 100, 'POPULATION', 1, 50, 0)""")
                    .param("m", VALMONTS_MUTUALISATION).param("siren", siren).param("epci", CAGV).update();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM mutualisation_share WHERE mutualisation_id = :id")
                .param("id", OTHERS_MUTUALISATION).query(Long.class).single() == 2
                && jdbc.sql("SELECT count(*) FROM kit_mutualisation WHERE mutualisation_id IN (:a, :b)")
                .param("a", VALMONTS_MUTUALISATION).param("b", OTHERS_MUTUALISATION).query(Long.class).single() == 2);
        seeded = true;
    }

    @Test
    void theApplicationsDataSourceIsTheTenantScopedOne() {
        assertThat(dataSource).isInstanceOf(TenantScopedDataSource.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"budget_line_view", "budget_line_credit", "engagement_view", "mandate_view", "engagement_registry",
            "programme_view", "programme_schedule", "programme_revision", "line_arbitration", "budget_line_transfer",
            "credit_transfer_view", "transfer_rate_view"})
    void anUnfilteredQueryServingValmontSeesNoneOfSaintAubinsRows(String table) {
        String unfiltered = "SELECT DISTINCT owner_id FROM " + table;
        assertThat(application.sql(unfiltered).query(String.class).list())
                .as("without a tenant, as the projections run").contains(SAINT_AUBIN);

        List<String> owners = AsTenant.call(VALMONT, () -> application.sql(unfiltered).query(String.class).list());

        assertThat(owners).doesNotContain(SAINT_AUBIN, AULNES, CAGV, OTHERS_MUTUALISATION.toString());
        if (!table.equals("line_arbitration")) {
            assertThat(owners).contains(VALMONT);
        }
    }

    @Test
    void aConventionsSharesAreSeenByItsMembersAndEpciOnly() {
        String unfiltered = "SELECT DISTINCT mutualisation_id FROM mutualisation_share";
        assertThat(AsTenant.call(VALMONT, () -> application.sql(unfiltered).query(UUID.class).list())).doesNotContain(OTHERS_MUTUALISATION);
        assertThat(AsTenant.call(AULNES, () -> application.sql(unfiltered).query(UUID.class).list())).contains(OTHERS_MUTUALISATION);
        assertThat(AsTenant.call(CAGV, () -> application.sql(unfiltered).query(UUID.class).list())).contains(OTHERS_MUTUALISATION);
    }

    @Test
    void anAllocationRowIsSeenByTheAdministeringEpciAndByTheMemberItConcernsOnly() {
        String unfiltered = "SELECT siren FROM cost_allocation_view WHERE mutualisation_id = :m";
        assertThat(sirens(VALMONT, unfiltered)).containsExactly(VALMONT);
        assertThat(sirens(SAINT_AUBIN, unfiltered)).containsExactly(SAINT_AUBIN);
        assertThat(sirens(CAGV, unfiltered)).containsExactlyInAnyOrder(VALMONT, SAINT_AUBIN);
        assertThat(sirens(AULNES, unfiltered)).isEmpty();
    }

    @Test
    void aRequestCannotWriteRowsForAnotherTenant() {
        UUID forged = UUID.randomUUID();
        assertThatThrownBy(() -> AsTenant.call(VALMONT, () -> application.sql("""
                        INSERT INTO engagement_registry (engagement_id, line_id, owner_id) VALUES (:id, :id, :owner)""")
                .param("id", forged).param("owner", SAINT_AUBIN).update()))
                .rootCause().hasMessageContaining("row-level security");
        assertThat(jdbc.sql("SELECT count(*) FROM engagement_registry WHERE engagement_id = :id").param("id", forged)
                .query(Long.class).single()).isZero();
    }

    private Set<String> sirens(String tenant, String sql) {
        return AsTenant.call(tenant, () -> Set.copyOf(application.sql(sql).param("m", VALMONTS_MUTUALISATION)
                .query(String.class).list().stream().map(String::trim).toList()));
    }
}

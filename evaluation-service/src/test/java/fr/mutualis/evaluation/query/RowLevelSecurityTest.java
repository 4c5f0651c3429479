package fr.mutualis.evaluation.query;

import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.budget.BudgetLineOpened;
import fr.mutualis.contracts.budget.EngagementRecorded;
import fr.mutualis.contracts.budget.MandateRecorded;
import fr.mutualis.contracts.governance.ElectedLeadDesignated;
import fr.mutualis.contracts.governance.InstanceCreated;
import fr.mutualis.contracts.governance.SessionClosed;
import fr.mutualis.contracts.portfolio.MilestonePlanned;
import fr.mutualis.contracts.portfolio.ProjectStatusChanged;
import fr.mutualis.contracts.portfolio.RoadmapAdopted;
import fr.mutualis.evaluation.EvaluationIntegrationTest;
import fr.mutualis.kit.tenant.TenantContextFilter;
import fr.mutualis.kit.web.ProblemResponses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The second tenant wall: through the application's own DataSource, a query that forgets its tenant filter still
 * only shows a request its tenant's rows (and those of its mutualisations), while the projections and consumers,
 * which run without a request tenant, wrote every tenant's rows.
 */
class RowLevelSecurityTest extends EvaluationIntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    /** Every read-model table holding a tenant's data, with its owner column. */
    private static final Map<String, String> PROTECTED = new LinkedHashMap<>();

    static {
        for (String table : List.of("indicator_view", "indicator_measurement", "portfolio_roadmap", "portfolio_project",
                "portfolio_milestone", "governance_instance", "governance_session", "budget_line", "budget_engagement",
                "budget_mandate")) {
            PROTECTED.put(table, "owner_id");
        }
        for (String table : List.of("governance_elected_lead", "self_assessment", "barometer_profile", "barometer_standing")) {
            PROTECTED.put(table, "siren");
        }
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    ProblemResponses problems;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aQueryWithoutTenantFilterShowsARequestNoneOfAnotherTenantsRows() {
        String a = newSiren();
        String b = newSiren();
        feed(a);
        feed(b);
        JdbcClient application = JdbcClient.create(dataSource);
        // Written by consumers, projections and the tracker, none of which has a request tenant: every table has both.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> PROTECTED.forEach((table, owner) ->
                assertThat(owners(application, table, owner)).as(table).contains(a, b)));

        Map<String, List<String>> seenByA = asRequestOf(a, () -> {
            Map<String, List<String>> seen = new LinkedHashMap<>();
            PROTECTED.forEach((table, owner) -> seen.put(table, owners(application, table, owner)));
            return seen;
        });
        seenByA.forEach((table, owners) -> assertThat(owners).as(table).contains(a).doesNotContain(b));
        assertThat(asRequestOf(b, () -> owners(application, "portfolio_project", "owner_id"))).contains(b).doesNotContain(a);
    }

    @Test
    void everyTableWithAnOwnerIsBehindTheWallExceptThePublicDirectory() {
        List<String> ownedTables = jdbc.sql("""
                        SELECT DISTINCT table_name FROM information_schema.columns
                        WHERE table_schema = current_schema() AND column_name IN ('owner_id', 'siren')
                          AND table_name NOT LIKE 'kit\\_%' AND table_name <> 'governance_collectivite'""")
                .query(String.class).list();
        List<String> walled = jdbc.sql("""
                        SELECT c.relname FROM pg_class c JOIN pg_policy p ON p.polrelid = c.oid
                        WHERE c.relrowsecurity AND c.relforcerowsecurity AND c.relnamespace = current_schema()::regnamespace""")
                .query(String.class).list();
        assertThat(walled).containsAll(ownedTables).containsAll(PROTECTED.keySet());
    }

    @Test
    void theAdministeringEpciSeesItsMembersBarometerStandingButNotTheRowsBehindIt() {
        String epci = newSiren();
        String member = newSiren();
        String outsider = newSiren();
        mutualisation(epci, List.of(member));
        feed(member);
        feed(outsider);
        JdbcClient application = JdbcClient.create(dataSource);
        await().atMost(Duration.ofSeconds(20)).until(() -> owners(application, "barometer_standing", "siren").containsAll(List.of(member, outsider)));

        assertThat(asRequestOf(epci, () -> owners(application, "barometer_standing", "siren"))).contains(member).doesNotContain(outsider);
        assertThat(asRequestOf(epci, () -> owners(application, "portfolio_project", "owner_id"))).doesNotContain(member);
        assertThat(asRequestOf(outsider, () -> owners(application, "barometer_standing", "siren"))).containsOnly(outsider);
    }

    /** Runs {@code query} as the request of an AGENT of {@code tenant}, through service-kit's tenant filter. */
    private <T> T asRequestOf(String tenant, Supplier<T> query) {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("agent-" + tenant)
                .claim("tenants", List.of(tenant)).claim("roles", List.of("AGENT")).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
        AtomicReference<T> result = new AtomicReference<>();
        try {
            new TenantContextFilter(problems).doFilter(new MockHttpServletRequest("GET", "/api/evaluation/dashboard"),
                    new MockHttpServletResponse(), (request, response) -> result.set(query.get()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return result.get();
    }

    private static List<String> owners(JdbcClient client, String table, String ownerColumn) {
        return client.sql("SELECT DISTINCT " + ownerColumn + " FROM " + table).query(String.class).list();
    }

    /**
     * A row in every read model: indicators and a self-assessment through the API, the rest through the topics. The
     * collectivité becomes an ENTREPRENEUR (its only measurement is 13 months old), so its profile is recorded too.
     */
    private void feed(String siren) {
        String token = agent(siren);
        String indicator = http.post("/api/evaluation/indicators", """
                {"scopeKind": "TENANT", "scopeId": "%s", "name": "Démarches en ligne", "unit": "%%", "baselineValue": 0,
                 "baselineDate": "%s", "targetValue": 100, "targetDate": "%s", "direction": "UP", "frequency": "ANNUAL"}"""
                .formatted(siren, TODAY.minusYears(2), TODAY.plusYears(1)), token, null).json().get("id").asString();
        assertThat(http.post("/api/evaluation/indicators/" + indicator + "/measurements",
                "{\"date\": \"" + TODAY.minusMonths(13) + "\", \"value\": 40, \"source\": \"GRU\"}", token, null).status()).isEqualTo(201);
        assertThat(http.put("/api/evaluation/self-assessment", "{\"roles\": [\"DPO\"], \"communication\": [\"TOP_DOWN\", \"SOCIAL\"]}",
                token, null).status()).isEqualTo(200);

        UUID roadmap = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        send(Topics.PORTFOLIO, envelope(siren, roadmap, 1, new RoadmapAdopted(roadmap, siren, UUID.randomUUID(), TODAY,
                TODAY.getYear(), TODAY.getYear() + 2)));
        send(Topics.PORTFOLIO, envelope(siren, project, 1, new ProjectStatusChanged(project, roadmap, siren, "OPEN_DATA", "ASSESSED",
                "APPROVED", null, UUID.randomUUID(), TODAY)));
        send(Topics.PORTFOLIO, envelope(siren, project, 2, new MilestonePlanned(project, UUID.randomUUID(), siren, "Lancement", TODAY)));
        UUID instance = UUID.randomUUID();
        send(Topics.GOVERNANCE, envelope(siren, siren, 1, new ElectedLeadDesignated(siren, "Élue au numérique")));
        send(Topics.GOVERNANCE, envelope(siren, instance, 0, new InstanceCreated(instance, siren, "Comité", "STRATEGIC_COMMITTEE", "ANNUAL")));
        send(Topics.GOVERNANCE, envelope(siren, instance, 1, new SessionClosed(UUID.randomUUID(), instance, siren, TODAY, 1)));
        UUID line = UUID.randomUUID();
        UUID engagement = UUID.randomUUID();
        send(Topics.BUDGET, envelope(siren, line, 0, new BudgetLineOpened(line, siren, TODAY.getYear(), "INVESTMENT", "21", "Capteurs",
                project, 10_000)));
        send(Topics.BUDGET, envelope(siren, line, 1, new EngagementRecorded(engagement, line, siren, TODAY.getYear(), "INVESTMENT",
                project, 5_000, "EJ", TODAY)));
        send(Topics.BUDGET, envelope(siren, line, 2, new MandateRecorded(UUID.randomUUID(), engagement, line, siren, TODAY.getYear(),
                "INVESTMENT", project, 2_000, "M", TODAY)));
    }
}

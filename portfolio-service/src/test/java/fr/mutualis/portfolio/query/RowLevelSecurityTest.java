package fr.mutualis.portfolio.query;

import fr.mutualis.contracts.governance.MutualisationCreated;
import fr.mutualis.kit.mutualisation.MutualisationDirectory;
import fr.mutualis.kit.tenant.TenantContext;
import fr.mutualis.kit.tenant.TenantScope;
import fr.mutualis.portfolio.PortfolioServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The second tenant wall: PostgreSQL row-level security on the read models. Queries here deliberately carry NO
 * tenant filter and go through the application's own DataSource (the one the API uses) under one tenant: they must
 * still return none of another tenant's rows, while the projection (no request tenant) keeps writing every row.
 */
class RowLevelSecurityTest extends PortfolioServiceTest {

    @Autowired
    MutualisationDirectory directory;

    private String epci;
    private String member;
    private String stranger;
    private UUID mutualisation;
    private String memberProject;
    private String strangerProject;
    private String sharedProject;

    @BeforeEach
    void twoTenantsAndAMutualisation() {
        epci = siren();
        member = siren();
        stranger = siren();
        mutualisation = UUID.randomUUID();
        publishToGovernance(envelope("governance.MutualisationCreated", epci, mutualisation.toString(),
                new MutualisationCreated(mutualisation, "SIG mutualisé", epci, List.of(member), "POPULATION", Map.of())));
        await().atMost(Duration.ofSeconds(20)).until(() -> directory.find(mutualisation).isPresent());

        memberProject = projectWithMilestone(agent(member), null);
        strangerProject = projectWithMilestone(agent(stranger), null);
        sharedProject = projectWithMilestone(ISSUER.token(epci + "-admin", List.of(epci), List.of("SHARED_SERVICE_ADMIN")),
                mutualisation);
    }

    @Test
    void aQueryWithoutTenantFilterOnlyReturnsTheCallersRowsAndItsMutualisations() {
        assertThat(as(member, "SELECT owner_id FROM roadmap_view")).containsOnly(member, mutualisation.toString());
        assertThat(as(member, "SELECT owner_id FROM project_view")).containsOnly(member, mutualisation.toString());
        assertThat(as(member, "SELECT owner_id FROM project_priority")).containsOnly(member, mutualisation.toString());
        assertThat(as(member, "SELECT project_id::text FROM milestone_view"))
                .contains(memberProject, sharedProject).doesNotContain(strangerProject);

        assertThat(as(stranger, "SELECT owner_id FROM project_view")).containsOnly(stranger);
        assertThat(as(stranger, "SELECT project_id::text FROM milestone_view"))
                .contains(strangerProject).doesNotContain(memberProject, sharedProject);
    }

    @Test
    void theAdministeringEpciSeesTheMutualisationButNotItsMembersPrivateRows() {
        assertThat(as(epci, "SELECT owner_id FROM roadmap_view")).containsOnly(mutualisation.toString());
        assertThat(as(epci, "SELECT project_id::text FROM project_view")).containsExactly(sharedProject);
        assertThat(as(epci, "SELECT project_id::text FROM milestone_view")).containsExactly(sharedProject);
    }

    @Test
    void withoutARequestTenantThePlatformSeesEveryRowSoProjectionsWriteThemAll() {
        List<String> projects = jdbc.sql("SELECT project_id::text FROM project_view").query(String.class).list();
        assertThat(projects).contains(memberProject, strangerProject, sharedProject);
    }

    @Test
    void scenariosAndTheBudgetsCopyAreWalledLikeTheOtherReadModels() {
        String memberScenario = scenarioOf(memberProject, agent(member));
        String strangerScenario = scenarioOf(strangerProject, agent(stranger));
        for (String owner : List.of(member, stranger)) {
            jdbc.sql("""
                            INSERT INTO budget_line_credits (line_id, owner_id, fiscal_year, section, credits_cents, credits_at,
                                credits_sequence) VALUES (:id, :owner, 2026, 'INVESTMENT', 100, now(), 0)""")
                    .param("id", UUID.randomUUID()).param("owner", owner).update();
            jdbc.sql("""
                            INSERT INTO budget_programme (programme_id, owner_id, section, project_id, revision, schedule_years,
                                schedule_cents) VALUES (:id, :owner, 'INVESTMENT', NULL, 0, '{2026}', '{100}')""")
                    .param("id", UUID.randomUUID()).param("owner", owner).update();
        }
        assertThat(as(member, "SELECT scenario_id::text FROM scenario_view")).contains(memberScenario)
                .doesNotContain(strangerScenario);
        assertThat(as(member, "SELECT scenario_id::text FROM scenario_envelope")).contains(memberScenario)
                .doesNotContain(strangerScenario);
        assertThat(as(member, "SELECT DISTINCT owner_id FROM budget_line_credits")).containsOnly(member);
        assertThat(as(member, "SELECT DISTINCT owner_id FROM budget_programme")).containsOnly(member);
        assertThat(as(stranger, "SELECT scenario_id::text FROM scenario_view")).containsExactly(strangerScenario);
    }

    /** A scenario on the roadmap of {@code projectId}, with one envelope. */
    private String scenarioOf(String projectId, String token) {
        String roadmapId = jdbc.sql("SELECT roadmap_id::text FROM project_view WHERE project_id = :id")
                .param("id", UUID.fromString(projectId)).query(String.class).single();
        var created = http.post("/api/portfolio/roadmaps/" + roadmapId + "/scenarios", """
                {"name": "Scénario", "projectIds": ["%s"], "envelopes": [{"year": 2026, "section": "OPERATING", "amountCents": 5}]}"""
                .formatted(projectId), token, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void aCallerCanNeitherChangeNorForgeAnotherTenantsRows() {
        TenantContext caller = caller(stranger);
        int updated = TenantScope.callAs(caller, () -> jdbc.sql("UPDATE project_view SET title = 'hijacked' WHERE project_id = :id")
                .param("id", UUID.fromString(memberProject)).update());
        assertThat(updated).isZero();
        assertThatThrownBy(() -> TenantScope.callAs(caller, () -> jdbc.sql("""
                        UPDATE project_view SET owner_id = :victim WHERE project_id = :id""")
                .param("victim", member).param("id", UUID.fromString(strangerProject)).update()))
                .rootCause().hasMessageContaining("row-level security");
        assertThat(jdbc.sql("SELECT owner_id FROM project_view WHERE project_id = :id")
                .param("id", UUID.fromString(strangerProject)).query(String.class).single()).isEqualTo(stranger);
    }

    private List<String> as(String tenant, String sql) {
        return TenantScope.callAs(caller(tenant), () -> jdbc.sql(sql).query(String.class).list());
    }

    private static TenantContext caller(String tenant) {
        return new TenantContext(tenant, "rls-test", "RLS test", List.of(tenant), List.of("AGENT"));
    }

    private String projectWithMilestone(String token, UUID mutualisationId) {
        String roadmap = roadmapJson(2026, 2028);
        if (mutualisationId != null) {
            roadmap = roadmap.replace("\"startYear\"", "\"mutualisationId\": \"" + mutualisationId + "\", \"startYear\"");
        }
        var created = http.post("/api/portfolio/roadmaps", roadmap, token, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String projectId = proposeProject(created.json().get("id").asString(), token);
        var milestone = http.post("/api/portfolio/projects/" + projectId + "/milestones",
                "{\"title\": \"Recette\", \"plannedDate\": \"2026-09-30\"}", token, null);
        assertThat(milestone.status()).as(milestone.toString()).isEqualTo(201);
        awaitProject(projectId, token, project -> project.get("milestones").size() == 1);
        return projectId;
    }

    private static String agent(String tenant) {
        return ISSUER.token(tenant + "-agent", List.of(tenant), List.of("AGENT"));
    }

    /** A fresh, Luhn-valid SIREN: this test's tenants own no row of any other test. */
    private static String siren() {
        String body = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        for (int check = 0; check <= 9; check++) {
            String candidate = body + check;
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int digit = candidate.charAt(8 - i) - '0';
                sum += i % 2 == 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
            }
            if (sum % 10 == 0) {
                return candidate;
            }
        }
        throw new IllegalStateException("unreachable: one check digit always fits");
    }
}

package fr.mutualis.governance.query;

import fr.mutualis.governance.GovernanceIntegrationTest;
import fr.mutualis.kit.tenant.TenantContext;
import fr.mutualis.kit.tenant.TenantScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second tenant wall: PostgreSQL row-level security on the read models. Queries here deliberately carry NO
 * tenant filter and go through the application's own DataSource (the one the API uses) under one tenant: they must
 * still return none of another tenant's rows, while the projection (no request tenant) keeps writing every row.
 */
class RowLevelSecurityTest extends GovernanceIntegrationTest {

    private static final String MEMBERS = """
            {"personId": "p1", "name": "Anne Roy", "role": "présidente", "collectiviteSiren": "%1$s", "voting": true, "chair": true},
            {"personId": "p2", "name": "Bruno Caron", "role": "élu", "collectiviteSiren": "%1$s", "voting": true},
            {"personId": "p3", "name": "Chloé Petit", "role": "élue", "collectiviteSiren": "%1$s", "voting": true}""";

    private Territory t;
    private String mutualisation;
    private String villeInstance;
    private String outsiderInstance;
    private String sharedInstance;

    @BeforeEach
    void privateAndSharedGovernance() {
        t = newTerritory();
        mutualisation = newMutualisation(t);
        villeInstance = instanceWithDecision(t.agent(t.ville()), t.ville(), null);
        outsiderInstance = instanceWithDecision(t.agent(t.outsider()), t.outsider(), null);
        sharedInstance = instanceWithDecision(t.sharedAdmin(), t.epci(), mutualisation);
    }

    @Test
    void aQueryWithoutTenantFilterOnlyReturnsTheCallersRowsAndItsMutualisations() {
        for (String table : List.of("instance_view", "session_view", "decision_view")) {
            assertThat(as(t.ville(), "SELECT owner_id FROM " + table)).as(table).containsOnly(t.ville(), mutualisation);
            assertThat(as(t.outsider(), "SELECT owner_id FROM " + table)).as(table).containsOnly(t.outsider());
        }
        assertThat(as(t.ville(), "SELECT instance_id::text FROM instance_view"))
                .contains(villeInstance, sharedInstance).doesNotContain(outsiderInstance);
        assertThat(as(t.ville(), "SELECT mutualisation_id::text FROM mutualisation_view")).containsExactly(mutualisation);
        assertThat(as(t.outsider(), "SELECT mutualisation_id::text FROM mutualisation_view")).isEmpty();
    }

    @Test
    void theAdministeringEpciSeesTheMutualisationButNotItsMembersPrivateRows() {
        for (String table : List.of("instance_view", "session_view", "decision_view")) {
            assertThat(as(t.epci(), "SELECT owner_id FROM " + table)).as(table).containsOnly(mutualisation);
        }
        assertThat(as(t.epci(), "SELECT mutualisation_id::text FROM mutualisation_view")).containsExactly(mutualisation);
    }

    @Test
    void withoutARequestTenantThePlatformSeesEveryRowSoTheProjectionWritesThemAll() {
        assertThat(jdbc.sql("SELECT instance_id::text FROM instance_view").query(String.class).list())
                .contains(villeInstance, outsiderInstance, sharedInstance);
    }

    @Test
    void aPlatformAdministratorStillReadsAnyMutualisationAndTheFlagDoesNotOutliveItsRead() {
        String path = "/api/governance/mutualisations/" + mutualisation;
        assertThat(http.get(path, platformAdmin(t.outsider()), null).status()).isEqualTo(200);
        assertProblem(http.get(path, t.agent(t.outsider()), null), 404, "not found");
        // Hikari hands the same few connections to every request: the next read must not inherit the flag.
        for (int i = 0; i < 20; i++) {
            assertThat(as(t.outsider(), "SELECT mutualisation_id::text FROM mutualisation_view")).isEmpty();
        }
    }

    private List<String> as(String tenant, String sql) {
        TenantContext caller = new TenantContext(tenant, "rls-test", "RLS test", List.of(tenant), List.of("AGENT"));
        return TenantScope.callAs(caller, () -> jdbc.sql(sql).query(String.class).list());
    }

    /** An instance with a séance and one decision, so that every walled table holds a row of its owner. */
    private String instanceWithDecision(String token, String memberSiren, String mutualisationId) {
        var created = http.post("/api/governance/instances", """
                {"name": "Comité de test", "kind": "STRATEGIC_COMMITTEE", "cadence": "QUARTERLY"%s, "members": [%s]}"""
                .formatted(mutualisationId == null ? "" : ", \"mutualisationId\": \"" + mutualisationId + "\"",
                        MEMBERS.formatted(memberSiren)), token, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String instance = created.json().get("id").asString();
        var session = http.post("/api/governance/instances/" + instance + "/sessions", """
                {"scheduledAt": "2026-03-16T18:00:00+01:00", "agenda": [{"kind": "PRIORITISATION", "title": "Priorités"}]}""",
                token, null);
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        String sessionId = session.json().get("id").asString();
        String item = session.json().get("agendaItemIds").get(0).asString();
        var attendance = http.put("/api/governance/sessions/" + sessionId + "/attendance",
                "{\"present\": [\"p1\", \"p2\", \"p3\"]}", token, null);
        assertThat(attendance.status()).as(attendance.toString()).isEqualTo(200);
        var decision = http.post("/api/governance/sessions/" + sessionId + "/decisions", """
                {"agendaItemId": "%s", "votesFor": 3, "votesAgainst": 0, "abstentions": 0}""".formatted(item), token, null);
        assertThat(decision.status()).as(decision.toString()).isEqualTo(201);
        awaitUntil(() -> http.get("/api/governance/sessions/" + sessionId, token, null),
                answer -> answer.status() == 200 && answer.json().get("decisions").size() == 1);
        return instance;
    }
}

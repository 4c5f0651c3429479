package fr.mutualis.governance.query;

import fr.mutualis.governance.GovernanceIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The read models, the mutualisation directory included, are rebuilt identically by replaying the event store. */
class ProjectionReplayTest extends GovernanceIntegrationTest {

    @Test
    void aRebuildReplaysTheEventStoreIntoIdenticalReadModels() {
        Territory t = newTerritory();
        String mutualisation = newMutualisation(t);
        String agent = t.agent(t.ville());
        var instance = http.post("/api/governance/instances", """
                {"name": "Comité", "kind": "WORKING_GROUP", "cadence": "MONTHLY", "members": [
                 {"personId": "a", "name": "A", "role": "élue", "collectiviteSiren": "%s", "voting": true, "chair": true}]}"""
                .formatted(t.ville()), agent, null);
        String instanceId = instance.json().get("id").asString();
        awaitStatus(() -> http.get("/api/governance/instances/" + instanceId, agent, null), 200);
        var session = http.post("/api/governance/instances/" + instanceId + "/sessions", """
                {"scheduledAt": "2026-02-02T10:00:00+01:00", "agenda": [{"kind": "PRIORITISATION", "title": "Priorités 2026"}]}""",
                agent, null);
        String sessionId = session.json().get("id").asString();
        String item = session.json().get("agendaItemIds").get(0).asString();
        awaitStatus(() -> http.get("/api/governance/sessions/" + sessionId, agent, null), 200);
        http.put("/api/governance/sessions/" + sessionId + "/attendance", "{\"present\": [\"a\"]}", agent, null);
        http.post("/api/governance/sessions/" + sessionId + "/decisions",
                "{\"agendaItemId\": \"%s\", \"votesFor\": 1, \"votesAgainst\": 0, \"abstentions\": 0}".formatted(item), agent, null);
        assertThat(http.post("/api/governance/sessions/" + sessionId + "/close", "", agent, null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/governance/sessions/" + sessionId, agent, null)
                .body().contains("\"CLOSED\""));
        Map<String, Object> before = snapshot();
        String sessionBefore = http.get("/api/governance/sessions/" + sessionId, agent, null).body();

        String admin = platformAdmin(t.ville());
        assertThat(http.post("/api/governance/admin/rebuild", "", agent, null).status()).isEqualTo(403);
        var started = http.post("/api/governance/admin/rebuild", "", admin, null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().get("parts").toString()).contains(GovernanceProjection.GROUP);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                http.get("/api/governance/admin/rebuild", admin, null).json().get("state").asString().equals("COMPLETED"));
        assertThat(snapshot()).isEqualTo(before);
        assertThat(http.get("/api/governance/sessions/" + sessionId, agent, null).body()).isEqualTo(sessionBefore);
        assertThat(http.get("/api/governance/mutualisations/" + mutualisation, t.agent(t.bourg()), null).status()).isEqualTo(200);
    }

    private Map<String, Object> snapshot() {
        return Map.of(
                "collectivites", count("collectivite_view"),
                "mutualisations", count("mutualisation_view"),
                "directory", count("kit_mutualisation_member"),
                "instances", jdbc.sql("SELECT instance_id::text || ':' || version FROM instance_view ORDER BY 1").query(String.class).list(),
                "sessions", jdbc.sql("SELECT session_id::text || ':' || status FROM session_view ORDER BY 1").query(String.class).list(),
                "decisions", jdbc.sql("SELECT decision_id::text || ':' || outcome || ':' || final FROM decision_view ORDER BY 1")
                        .query(String.class).list());
    }

    private List<Long> count(String table) {
        return List.of(jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
    }
}

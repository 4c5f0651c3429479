package fr.mutualis.e2e;

import fr.mutualis.e2e.support.Platform;
import fr.mutualis.e2e.support.Territory;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.testsupport.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every accepted write is attributable: its events carry, in their metadata, the user, the tenant, the time and the
 * correlation id of the request that caused them, as the audit trails of portfolio and governance show them.
 */
@ExtendWith(Platform.class)
class AuditTrailTest {

    @Test
    void eachEventOfAWriteNamesItsUserTenantTimeAndCorrelationId() {
        Territory t = Territory.create();
        TestHttp gateway = Platform.gateway();
        String agent = t.agent(t.ville);
        Instant before = Instant.now().minusSeconds(1);

        String roadmapCorrelation = "audit-" + UUID.randomUUID();
        Response roadmap = post(gateway, "/api/portfolio/roadmaps", """
                {"title": "Feuille de route", "startYear": 2026, "endYear": 2028, "axes": ["OPEN_DATA"]}""",
                agent, roadmapCorrelation);
        assertThat(roadmap.status()).as(roadmap.toString()).isEqualTo(201);
        String weightsCorrelation = "audit-" + UUID.randomUUID();
        String roadmapId = roadmap.json().get("id").asString();
        Response weights = gateway.send(gateway.request("/api/portfolio/roadmaps/" + roadmapId + "/weights", agent, null)
                .header("Content-Type", "application/json").header("X-Correlation-Id", weightsCorrelation)
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"strategicAlignment": 3, "userValue": 1, "agentValue": 1, "legalObligation": 1, "feasibility": 1, "risk": 1}""")));
        assertThat(weights.status()).as(weights.toString()).isEqualTo(200);

        JsonNode history = gateway.get("/api/portfolio/roadmaps/" + roadmapId + "/history", agent, null).json();
        assertThat(history.size()).isEqualTo(2);
        attributed(history.get(0), t.ville, Territory.id("agent", t.ville), roadmapCorrelation, before);
        attributed(history.get(1), t.ville, Territory.id("agent", t.ville), weightsCorrelation, before);

        String instanceCorrelation = "audit-" + UUID.randomUUID();
        Response instance = post(gateway, "/api/governance/instances", """
                {"name": "Comité", "kind": "WORKING_GROUP", "cadence": "MONTHLY", "members": [
                 {"personId": "p1", "name": "Anne Roy", "role": "élue", "collectiviteSiren": "%s", "voting": true, "chair": true}]}"""
                .formatted(t.ville), agent, instanceCorrelation);
        assertThat(instance.status()).as(instance.toString()).isEqualTo(201);
        JsonNode trail = gateway.get("/api/governance/instances/" + instance.json().get("id").asString() + "/history",
                agent, null).json();
        assertThat(trail.size()).isEqualTo(1);
        attributed(trail.get(0), t.ville, Territory.id("agent", t.ville), instanceCorrelation, before);
    }

    private static void attributed(JsonNode entry, String tenant, String user, String correlationId, Instant notBefore) {
        assertThat(entry.get("tenantId").asString()).as(entry.toString()).isEqualTo(tenant);
        assertThat(entry.get("userId").asString()).as(entry.toString()).isEqualTo(user);
        assertThat(entry.get("userName").asString()).as(entry.toString()).isNotBlank();
        assertThat(entry.get("correlationId").asString()).as(entry.toString()).isEqualTo(correlationId);
        assertThat(Instant.parse(entry.get("occurredAt").asString())).isAfter(notBefore).isBefore(Instant.now().plusSeconds(1));
    }

    private static Response post(TestHttp gateway, String path, String body, String token, String correlationId) {
        return gateway.send(gateway.request(path, token, null).header("Content-Type", "application/json")
                .header("X-Correlation-Id", correlationId).POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}

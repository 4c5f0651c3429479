package fr.mutualis.governance.api;

import fr.mutualis.governance.GovernanceIntegrationTest;
import fr.mutualis.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Governance instances of a tenant and of a mutualisation. */
class InstanceApiTest extends GovernanceIntegrationTest {

    @Test
    void aTenantSetsUpAnInstanceThatOnlyItSees() {
        Territory t = newTerritory();
        var created = http.post("/api/governance/instances", committee("PORTFOLIO_STEERING_COMMITTEE", null, "0.6",
                members(t.ville(), t.ville())), t.agent(t.ville()), null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/governance/instances/" + id));

        var read = awaitStatus(() -> http.get("/api/governance/instances/" + id, t.elu(t.ville()), null), 200);
        assertThat(read.json().get("ownerId").asString()).isEqualTo(t.ville());
        assertThat(read.json().get("kind").asString()).isEqualTo("PORTFOLIO_STEERING_COMMITTEE");
        assertThat(read.json().get("cadence").asString()).isEqualTo("MONTHLY");
        assertThat(read.json().get("quorum").asString()).isEqualTo("0.6");
        assertThat(read.json().get("members").size()).isEqualTo(3);
        assertThat(read.header("ETag")).contains("\"0\"");
        assertProblem(http.get("/api/governance/instances/" + id, t.agent(t.bourg()), null), 404, "not found");
        assertProblem(http.get("/api/governance/instances/" + id, t.sharedAdmin(), null), 404, "not found");
        assertProblem(http.get("/api/governance/instances/" + UUID.randomUUID(), t.agent(t.ville()), null), 404, "not found");
        var own = http.get("/api/governance/instances", t.agent(t.ville()), null);
        assertThat(own.json().get("total").asInt()).isEqualTo(1);
        assertThat(own.json().get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(http.get("/api/governance/instances", t.agent(t.bourg()), null).json().get("total").asInt()).isZero();
        assertProblem(http.get("/api/governance/instances?page=-1", t.agent(t.ville()), null), 400, "page");
    }

    @Test
    void aMutualisationsInstanceIsSetUpByItsEpciAndSeenByItsMembers() {
        Territory t = newTerritory();
        String mutualisation = newMutualisation(t);
        String body = committee("STRATEGIC_COMMITTEE", mutualisation, null, """
                {"personId": "pres", "name": "Président", "role": "président", "collectiviteSiren": "%s", "voting": true, "chair": true},
                {"personId": "v", "name": "Élu de la ville", "role": "élu", "collectiviteSiren": "%s", "voting": true},
                {"personId": "b", "name": "Élue du bourg", "role": "élue", "collectiviteSiren": "%s", "voting": true}"""
                .formatted(t.epci(), t.ville(), t.bourg()));
        long events = eventCount();
        assertProblem(http.post("/api/governance/instances", body, t.agent(t.ville()), null), 403, "forbidden");
        assertProblem(http.post("/api/governance/instances", body, t.agent(t.epci()), null), 403, "forbidden");
        assertProblem(http.post("/api/governance/instances", body, t.agent(t.village()), null), 404, "not found");
        assertThat(eventCount()).isEqualTo(events);

        var created = http.post("/api/governance/instances", body, t.sharedAdmin(), null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String path = "/api/governance/instances/" + created.json().get("id").asString();
        var read = awaitStatus(() -> http.get(path, t.agent(t.bourg()), null), 200);
        assertThat(read.json().get("ownerId").asString()).isEqualTo(mutualisation);
        assertThat(read.json().get("administeringSiren").asString()).isEqualTo(t.epci());
        assertThat(read.json().get("quorum").asString()).isEqualTo("0.5");
        assertThat(http.get(path, t.agent(t.ville()), null).status()).isEqualTo(200);
        assertThat(http.get(path, t.sharedAdmin(), null).status()).isEqualTo(200);
        assertProblem(http.get(path, t.agent(t.village()), null), 404, "not found");
        assertThat(http.get("/api/governance/instances?size=200", t.agent(t.bourg()), null).body()).contains(path.substring(path.lastIndexOf('/') + 1));
        var villageList = http.get("/api/governance/instances", t.agent(t.village()), null);
        assertThat(villageList.status()).isEqualTo(200);
        assertThat(villageList.json().get("total").asInt()).isZero();

        String outsider = committee("STRATEGIC_COMMITTEE", mutualisation, null, """
                {"personId": "pres", "name": "Président", "role": "président", "collectiviteSiren": "%s", "voting": true, "chair": true},
                {"personId": "x", "name": "Élu du village", "role": "élu", "collectiviteSiren": "%s", "voting": true}"""
                .formatted(t.epci(), t.village()));
        events = eventCount();
        assertProblem(http.post("/api/governance/instances", outsider, t.sharedAdmin(), null), 422, "instance-member-scope");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void theInstanceRulesAnswer422() {
        Territory t = newTerritory();
        String agent = t.agent(t.ville());
        long events = eventCount();
        String twoChairs = """
                {"personId": "a", "name": "A", "role": "maire", "collectiviteSiren": "%s", "voting": true, "chair": true},
                {"personId": "b", "name": "B", "role": "adjoint", "collectiviteSiren": "%s", "voting": true, "chair": true}"""
                .formatted(t.ville(), t.ville());
        assertProblem(http.post("/api/governance/instances", committee("STRATEGIC_COMMITTEE", null, null, twoChairs), agent, null),
                422, "exactly one chair");
        String noChair = """
                {"personId": "a", "name": "A", "role": "maire", "collectiviteSiren": "%s", "voting": true}""".formatted(t.ville());
        assertProblem(http.post("/api/governance/instances", committee("WORKING_GROUP", null, null, noChair), agent, null),
                422, "instance-one-chair");
        assertProblem(http.post("/api/governance/instances", committee("DELIBERATIVE_ASSEMBLY", null, "0.3",
                members(t.ville(), t.ville())), agent, null), 422, "assembly-legal-quorum");
        assertProblem(http.post("/api/governance/instances", committee("OPERATIONAL_COMMITTEE", null, null,
                members(t.ville(), t.bourg())), agent, null), 422, "instance-member-scope");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void badInputAnswers400() {
        Territory t = newTerritory();
        String agent = t.agent(t.ville());
        String post = "/api/governance/instances";
        long events = eventCount();
        assertProblem(http.post(post, "{\"name\": ", agent, null), 400, "Malformed JSON");
        assertProblem(http.post(post, committee("SENATE", null, null, members(t.ville(), t.ville())), agent, null), 400, "kind");
        assertProblem(http.post(post, committee("WORKING_GROUP", null, "1.5", members(t.ville(), t.ville())), agent, null), 400, "quorum");
        assertProblem(http.post(post, committee("WORKING_GROUP", null, null, ""), agent, null), 400, "members");
        assertProblem(http.post(post, committee("WORKING_GROUP", "not-a-uuid", null, members(t.ville(), t.ville())), agent, null),
                400, "mutualisationId");
        assertProblem(http.post(post, committee("WORKING_GROUP", null, null, """
                {"personId": "a", "name": "A", "role": "maire", "collectiviteSiren": "%s", "chair": true}""".formatted(t.ville())),
                agent, null), 400, "voting");
        assertProblem(http.post(post, committee("WORKING_GROUP", null, null, """
                {"personId": "a", "name": "A", "role": "maire", "collectiviteSiren": "%s", "voting": true, "chair": true},
                {"personId": "a", "name": "A bis", "role": "maire", "collectiviteSiren": "%s", "voting": true}"""
                .formatted(t.ville(), t.ville())), agent, null), 400, "listed twice");
        assertProblem(http.post(post, committee("WORKING_GROUP", null, null, members(t.ville(), t.ville()))
                .replace("\"MONTHLY\"", "\"WEEKLY\""), agent, null), 400, "cadence");
        assertProblem(http.post(post, committee("WORKING_GROUP", null, null, members(t.ville(), t.ville())),
                token("r", t.ville(), "REPORTING"), null), 403, "forbidden");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void refusalsAreWordedInFrenchForACallerAskingForIt() {
        Territory t = newTerritory();
        String agent = t.agent(t.ville());
        long events = eventCount();
        String twice = committee("WORKING_GROUP", null, null, """
                {"personId": "a", "name": "A", "role": "maire", "collectiviteSiren": "%s", "voting": true, "chair": true},
                {"personId": "a", "name": "A bis", "role": "maire", "collectiviteSiren": "%s", "voting": true}"""
                .formatted(t.ville(), t.ville()));
        var invalid = inFrench(agent, twice);
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("members");
        assertThat(invalid.json().get("errors").get(0).get("message").asString()).isEqualTo("La personne a figure deux fois.");

        String twoChairs = committee("WORKING_GROUP", null, null, members(t.ville(), t.ville())
                .replace("\"voting\": true}", "\"voting\": true, \"chair\": true}"));
        var rule = inFrench(agent, twoChairs);
        assertThat(rule.status()).as(rule.toString()).isEqualTo(422);
        assertThat(rule.json().get("detail").asString()).isEqualTo("Une instance a exactement un président ; 2 donnés.");
        assertThat(http.post("/api/governance/instances", twoChairs, agent, null).json().get("detail").asString())
                .isEqualTo("An instance has exactly one chair; 2 given");
        assertThat(eventCount()).isEqualTo(events);
    }

    private TestHttp.Response inFrench(String token, String body) {
        return http.send(http.request("/api/governance/instances", token, null).header("Content-Type", "application/json")
                .header("Accept-Language", "fr").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String committee(String kind, String mutualisationId, String quorum, String members) {
        return """
                {"name": "Instance de test", "kind": "%s", "cadence": "MONTHLY"%s%s, "members": [%s]}"""
                .formatted(kind, mutualisationId == null ? "" : ", \"mutualisationId\": \"" + mutualisationId + "\"",
                        quorum == null ? "" : ", \"quorum\": " + quorum, members);
    }

    /** A chair, a voting member and a non-voting one; the second sits for {@code other}. */
    static String members(String siren, String other) {
        return """
                {"personId": "chair", "name": "Anne Roy", "role": "maire", "collectiviteSiren": "%s", "voting": true, "chair": true},
                {"personId": "m1", "name": "Bruno Caron", "role": "adjoint", "collectiviteSiren": "%s", "voting": true},
                {"personId": "dgs", "name": "Farid Lemoine", "role": "DGS", "collectiviteSiren": "%s", "voting": false}"""
                .formatted(siren, other, siren);
    }
}

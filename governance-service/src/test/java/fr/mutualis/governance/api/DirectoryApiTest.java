package fr.mutualis.governance.api;

import fr.mutualis.governance.GovernanceIntegrationTest;
import fr.mutualis.governance.TestSirens;
import fr.mutualis.testsupport.IdempotentCreationCheck;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The élu au numérique of each collectivité, and the mutualisations between an EPCI and its communes. */
class DirectoryApiTest extends GovernanceIntegrationTest {

    @Test
    void aCollectiviteDesignatesItsElectedLead() {
        Territory t = newTerritory();
        String path = "/api/governance/collectivites/" + t.ville() + "/elected-lead";
        var designated = http.put(path, "{\"name\": \"Claire Martin\"}", t.elu(t.ville()), null);
        assertThat(designated.status()).as(designated.toString()).isEqualTo(200);
        assertThat(designated.json().get("version").asLong()).isEqualTo(1);

        var read = awaitUntil(() -> http.get("/api/governance/collectivites/" + t.ville(), t.agent(t.bourg()), null),
                answer -> answer.body().contains("Claire Martin"));
        assertThat(read.json().get("electedLead").asString()).isEqualTo("Claire Martin");
        assertThat(read.header("ETag")).contains("\"1\"");

        // If-Match with the version read: accepted; with an older one: 409 and nothing changes.
        var again = http.send(http.request(path, t.elu(t.ville()), null).header("Content-Type", "application/json")
                .header("If-Match", "\"1\"").PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"Paul Durand\"}")));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        long events = eventCount();
        var stale = http.send(http.request(path, t.elu(t.ville()), null).header("Content-Type", "application/json")
                .header("If-Match", "\"1\"").PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"Trop tard\"}")));
        assertProblem(stale, 409, "stale-version");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void onlyTheCollectiviteItselfOrThePlatformDesignates() {
        Territory t = newTerritory();
        String path = "/api/governance/collectivites/" + t.ville() + "/elected-lead";
        long events = eventCount();
        assertProblem(http.put(path, "{\"name\": \"Intrus\"}", t.elu(t.bourg()), null), 403, "forbidden");
        assertProblem(http.put(path, "{\"name\": \"Intrus\"}", token("r", t.ville(), "REPORTING"), null), 403, "forbidden");
        assertProblem(http.put("/api/governance/collectivites/" + TestSirens.random() + "/elected-lead",
                "{\"name\": \"Personne\"}", t.elu(t.bourg()), null), 404, "not found");
        assertProblem(http.put(path, "{\"name\": \"  \"}", t.elu(t.ville()), null), 400, "name");
        assertProblem(http.put(path, "{\"name\": ", t.elu(t.ville()), null), 400, "Malformed JSON");
        assertProblem(http.put(path, "{\"name\": [\"x\"]}", t.elu(t.ville()), null), 400, "name");
        assertProblem(http.put("/api/governance/collectivites/123456789/elected-lead", "{\"name\": \"X\"}",
                t.elu(t.ville()), null), 400, "siren");
        // The path and the body are validated together: both faults are named, each by its own field.
        var both = http.put("/api/governance/collectivites/123456789/elected-lead", "{\"name\": \"  \"}", t.elu(t.ville()), null);
        assertProblem(both, 400, "\"field\":\"siren\"");
        assertProblem(both, 400, "\"field\":\"name\"");
        assertProblem(http.send(http.request(path, t.elu(t.ville()), null).header("Content-Type", "application/json")
                .header("If-Match", "yesterday").PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"X\"}"))),
                400, "If-Match");
        assertThat(eventCount()).isEqualTo(events);
        var byPlatform = http.put(path, "{\"name\": \"Claire Martin\"}", platformAdmin(t.epci()), null);
        assertThat(byPlatform.status()).as(byPlatform.toString()).isEqualTo(200);
    }

    @Test
    void anEpciCreatesAMutualisationVisibleToItsMembersOnly() {
        Territory t = newTerritory();
        var created = http.post("/api/governance/mutualisations", """
                {"name": "SIG mutualisé", "epciSiren": "%s", "memberSirens": ["%s", "%s"],
                 "allocationKey": {"method": "FIXED_SHARES", "shares": {"%s": 70, "%s": 30}}}"""
                .formatted(t.epci(), t.ville(), t.bourg(), t.ville(), t.bourg()), t.sharedAdmin(), null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/governance/mutualisations/" + id));

        String path = "/api/governance/mutualisations/" + id;
        var read = awaitStatus(() -> http.get(path, t.agent(t.ville()), null), 200);
        assertThat(read.json().get("epciSiren").asString()).isEqualTo(t.epci());
        assertThat(read.json().get("memberSirens").toString()).contains(t.ville(), t.bourg());
        assertThat(read.json().get("allocationKey").get("method").asString()).isEqualTo("FIXED_SHARES");
        assertThat(read.json().get("allocationKey").get("shares").get(t.ville()).asInt()).isEqualTo(70);
        assertThat(read.header("ETag")).isPresent();
        assertThat(http.get(path, t.sharedAdmin(), null).status()).isEqualTo(200);
        assertThat(http.get(path, t.agent(t.bourg()), null).status()).isEqualTo(200);
        assertProblem(http.get(path, t.agent(t.village()), null), 404, "not found");
        assertProblem(http.get(path, t.agent(t.outsider()), null), 404, "not found");
        assertProblem(http.get("/api/governance/mutualisations/" + UUID.randomUUID(), t.agent(t.ville()), null), 404, "not found");
        assertProblem(http.get("/api/governance/mutualisations/not-a-uuid", t.agent(t.ville()), null), 400, "id");
    }

    @Test
    void onlyAPlatformAdministratorOrTheEpcisSharedAdministratorCreates() {
        Territory t = newTerritory();
        Territory other = newTerritory();
        String body = mutualisation(t.epci(), "\"" + t.ville() + "\"", "{\"method\": \"POPULATION\"}");
        long events = eventCount();
        assertProblem(http.post("/api/governance/mutualisations", body, t.agent(t.epci()), null), 403, "forbidden");
        assertProblem(http.post("/api/governance/mutualisations", body, other.sharedAdmin(), null), 403, "forbidden");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(http.post("/api/governance/mutualisations", body, platformAdmin(other.epci()), null).status()).isEqualTo(201);
    }

    @Test
    void theDirectoryRulesAnswer422AndStoreNothing() {
        Territory t = newTerritory();
        Territory other = newTerritory();
        String admin = platformAdmin(t.epci());
        long events = eventCount();
        assertProblem(http.post("/api/governance/mutualisations",
                mutualisation(t.ville(), "\"" + t.bourg() + "\"", "{\"method\": \"POPULATION\"}"), admin, null),
                422, "is not a registered EPCI");
        assertProblem(http.post("/api/governance/mutualisations",
                mutualisation(TestSirens.random(), "\"" + t.bourg() + "\"", "{\"method\": \"POPULATION\"}"), admin, null),
                422, "is not a registered EPCI");
        assertProblem(http.post("/api/governance/mutualisations",
                mutualisation(t.epci(), "\"" + t.ville() + "\", \"" + other.ville() + "\"", "{\"method\": \"USAGE\"}"), admin, null),
                422, other.ville() + " is not a registered member of EPCI " + t.epci());
        assertProblem(http.post("/api/governance/mutualisations",
                mutualisation(t.epci(), "\"" + t.ville() + "\", \"" + t.outsider() + "\"", "{\"method\": \"USAGE\"}"), admin, null),
                422, "mutualisation-member");
        assertProblem(http.post("/api/governance/mutualisations",
                mutualisation(t.epci(), "\"" + t.ville() + "\", \"" + t.bourg() + "\"",
                        "{\"method\": \"FIXED_SHARES\", \"shares\": {\"%s\": 60, \"%s\": 30}}".formatted(t.ville(), t.bourg())),
                admin, null), 422, "allocation-shares-sum");
        assertProblem(http.post("/api/governance/mutualisations",
                mutualisation(t.epci(), "\"" + t.ville() + "\"",
                        "{\"method\": \"FIXED_SHARES\", \"shares\": {\"%s\": 60, \"%s\": 40}}".formatted(t.ville(), t.village())),
                admin, null), 422, "allocation-shares-members");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void badInputAnswers400NamingTheField() {
        Territory t = newTerritory();
        String admin = platformAdmin(t.epci());
        String post = "/api/governance/mutualisations";
        long events = eventCount();
        assertProblem(http.post(post, "{\"name\": ", admin, null), 400, "Malformed JSON");
        assertProblem(http.post(post, mutualisation(t.epci(), "\"" + t.ville() + "\"", "{\"method\": \"HEADCOUNT\"}"), admin, null),
                400, "method");
        assertProblem(http.post(post, mutualisation(t.epci(), "", "{\"method\": \"USAGE\"}"), admin, null), 400, "memberSirens");
        assertProblem(http.post(post, mutualisation(t.epci(), "\"123456789\"", "{\"method\": \"USAGE\"}"), admin, null),
                400, "memberSirens");
        assertProblem(http.post(post, mutualisation(t.epci(), "\"" + t.ville() + "\"", "null"), admin, null), 400, "allocationKey");
        assertProblem(http.post(post, """
                {"name": "x", "memberSirens": ["%s"], "allocationKey": {"method": "USAGE"}}""".formatted(t.ville()), admin, null),
                400, "epciSiren");
        assertProblem(http.post(post, mutualisation(t.epci(), "\"" + t.ville() + "\"",
                "{\"method\": \"FIXED_SHARES\", \"shares\": {\"%s\": \"beaucoup\"}}".formatted(t.ville())), admin, null), 400, "shares");
        assertProblem(http.post(post, mutualisation(t.epci(), "\"" + t.ville() + "\"",
                "{\"method\": \"USAGE\", \"shares\": {\"%s\": 100}}".formatted(t.ville())), admin, null), 400, "shares");
        assertThat(eventCount()).isEqualTo(events);
    }

    private static String mutualisation(String epci, String members, String key) {
        return """
                {"name": "Service commun", "epciSiren": "%s", "memberSirens": [%s], "allocationKey": %s}"""
                .formatted(epci, members, key);
    }

    @Test
    void collectivitesAndMutualisationsAreCreatedOncePerIdempotencyKey() {
        IdempotentCreationCheck check = new IdempotentCreationCheck(http);
        String siren = TestSirens.random();
        String collectivite = """
                {"siren": "%s", "name": "Commune idempotente", "kind": "COMMUNE", "population": %d, "siret": "%s"}""";
        check.createsOnce("/api/governance/collectivites", platformAdmin(siren),
                collectivite.formatted(siren, 900, siret(siren)), collectivite.formatted(siren, 901, siret(siren)),
                rows("collectivite_view"));

        Territory t = newTerritory();
        String mutualisation = """
                {"name": "%s", "epciSiren": "%s", "memberSirens": ["%s", "%s"], "allocationKey": {"method": "POPULATION"}}""";
        check.createsOnce("/api/governance/mutualisations", platformAdmin(t.epci()),
                mutualisation.formatted("DSI commune", t.epci(), t.ville(), t.bourg()),
                mutualisation.formatted("SIG commun", t.epci(), t.ville(), t.bourg()), rows("mutualisation_view"));
    }

    private LongSupplier rows(String table) {
        return () -> jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}

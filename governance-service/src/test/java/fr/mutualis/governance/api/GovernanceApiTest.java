package fr.mutualis.governance.api;

import fr.mutualis.governance.GovernanceIntegrationTest;
import fr.mutualis.contracts.Sirets;
import fr.mutualis.governance.TestSirens;
import fr.mutualis.testsupport.CommittedApiDocument;
import fr.mutualis.testsupport.DocumentedRoles;
import fr.mutualis.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GovernanceApiTest extends GovernanceIntegrationTest {

    static final String CAGV = "200000016";
    static final String VALMONT = "210000022";
    static final String SAINT_AUBIN = "210000030";
    static final String LES_AULNES = "210000048";
    static final String PLATFORM_ADMIN = ISSUER.token("platform-admin", List.of(CAGV, VALMONT, SAINT_AUBIN, LES_AULNES),
            List.of("PLATFORM_ADMIN"));
    static final String VALMONT_AGENT = ISSUER.token("valmont-agent", List.of(VALMONT), List.of("AGENT"));

    @Test
    void theDemoTerritoryIsRegisteredAndReadableByAnyTenant() {
        register(CAGV, "Communauté d'agglomération du Grand Val", "EPCI", 160_000, null);
        register(VALMONT, "Valmont", "COMMUNE", 80_000, CAGV);
        register(SAINT_AUBIN, "Saint-Aubin-sur-Val", "COMMUNE", 12_000, CAGV);
        var created = http.post("/api/governance/collectivites", collectivite(LES_AULNES, "COMMUNE", 4_500, CAGV),
                PLATFORM_ADMIN, LES_AULNES);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("id").asString()).isEqualTo(LES_AULNES);
        assertThat(created.header("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/api/governance/collectivites/" + LES_AULNES));

        var read = await().atMost(Duration.ofSeconds(10)).until(
                () -> http.get("/api/governance/collectivites/" + CAGV, VALMONT_AGENT, null), response -> response.status() == 200);
        assertThat(read.json().get("siren").asString()).isEqualTo(CAGV);
        assertThat(read.json().get("name").asString()).isEqualTo("Communauté d'agglomération du Grand Val");
        assertThat(read.json().get("kind").asString()).isEqualTo("EPCI");
        assertThat(read.json().get("population").asLong()).isEqualTo(160_000);
        assertThat(read.json().get("epciSiren").isNull()).isTrue();
        assertThat(read.header("ETag")).contains("\"0\"");

        var aulnes = await().atMost(Duration.ofSeconds(10)).until(
                () -> http.get("/api/governance/collectivites/" + LES_AULNES, VALMONT_AGENT, null), response -> response.status() == 200);
        assertThat(aulnes.json().get("epciSiren").asString()).isEqualTo(CAGV);
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/governance/collectivites?size=200", VALMONT_AGENT, null)
                .body(), body -> body.contains(CAGV) && body.contains(VALMONT) && body.contains(SAINT_AUBIN) && body.contains(LES_AULNES));
    }

    @Test
    void onlyAPlatformAdministratorRegisters() {
        long events = eventCount();
        String siren = TestSirens.random();
        for (String role : List.of("AGENT", "ELU", "SHARED_SERVICE_ADMIN", "REPORTING")) {
            var answer = http.post("/api/governance/collectivites", collectivite(siren, "COMMUNE", 100, null),
                    ISSUER.token("someone", List.of(VALMONT), List.of(role)), null);
            assertThat(answer.status()).as(role + " " + answer).isEqualTo(403);
            assertThat(answer.isProblem()).isTrue();
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void registrationNeedsNoActiveTenant() {
        // The administrator acts for the platform, not for one of its tenants: no X-Tenant-Id needed.
        var answer = http.post("/api/governance/collectivites", collectivite(TestSirens.random(), "SYNDICAT", 0, null),
                PLATFORM_ADMIN, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }

    @Test
    void aSirenIsRegisteredOnce() {
        String siren = TestSirens.random();
        register(siren, "Première", "COMMUNE", 1_000, null);
        long events = eventCount();

        var again = http.post("/api/governance/collectivites", collectivite(siren, "DEPARTEMENT", 2_000, null), PLATFORM_ADMIN, VALMONT);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.json().get("currentState").asString()).isEqualTo("REGISTERED");
        assertThat(again.json().get("detail").asString()).contains(siren);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void badInputAnswers400NamingTheFieldAndStoresNothing() {
        long events = eventCount();
        String post = "/api/governance/collectivites";
        assertBadRequest(http.post(post, "{\"siren\": \"210000022\", ", PLATFORM_ADMIN, VALMONT), "Malformed JSON");
        assertBadRequest(http.post(post, collectivite("123456789", "COMMUNE", 10, null), PLATFORM_ADMIN, VALMONT), "siren");
        assertBadRequest(http.post(post, collectivite("21000002", "COMMUNE", 10, null), PLATFORM_ADMIN, VALMONT), "siren");
        assertBadRequest(http.post(post, collectivite("21000002A", "COMMUNE", 10, null), PLATFORM_ADMIN, VALMONT), "siren");
        assertBadRequest(http.post(post, collectivite(TestSirens.random(), "COMMUNE", 10, "200000017"), PLATFORM_ADMIN, VALMONT), "epciSiren");
        assertBadRequest(http.post(post, collectivite(TestSirens.random(), "METROPOLE", 10, null), PLATFORM_ADMIN, VALMONT), "kind");
        assertBadRequest(http.post(post, collectivite(TestSirens.random(), "COMMUNE", -1, null), PLATFORM_ADMIN, VALMONT), "population");
        assertBadRequest(http.post(post, """
                {"siren": "%s", "kind": "COMMUNE", "population": 10}""".formatted(TestSirens.random()), PLATFORM_ADMIN, VALMONT), "name");
        assertBadRequest(http.post(post, """
                {"siren": "%s", "name": "x", "kind": "COMMUNE", "population": "beaucoup"}""".formatted(TestSirens.random()),
                PLATFORM_ADMIN, VALMONT), "population");
        assertBadRequest(http.get("/api/governance/collectivites/12345", VALMONT_AGENT, null), "siren");
        assertBadRequest(http.get("/api/governance/collectivites/123456789", VALMONT_AGENT, null), "siren");
        assertBadRequest(http.get("/api/governance/collectivites?size=100000", VALMONT_AGENT, null), "size");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void theSiegesSiretIsRegisteredAndShown() {
        String siren = TestSirens.random();
        String siret = Sirets.completing(siren, "0001");
        var created = http.post("/api/governance/collectivites", """
                {"siren": "%s", "name": "Bourg", "kind": "COMMUNE", "population": 900, "siret": "%s"}""".formatted(siren, siret),
                PLATFORM_ADMIN, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var read = await().atMost(Duration.ofSeconds(10)).until(
                () -> http.get("/api/governance/collectivites/" + siren, VALMONT_AGENT, null), response -> response.status() == 200);
        assertThat(read.json().get("siret").asString()).isEqualTo(siret);
    }

    /** Not 14 digits, a wrong check digit, another SIREN's establishment: 400 naming siret, nothing stored. */
    @Test
    void aSiretThatIsNotOneOfTheSirensEstablishmentsAnswers400NamingIt() {
        long events = eventCount();
        String siren = TestSirens.random();
        String valid = Sirets.completing(siren, "0001");
        String wrongCheckDigit = valid.substring(0, 13) + (char) ('0' + (valid.charAt(13) - '0' + 1) % 10);
        for (String siret : List.of(siren, siren + "0001", valid + "0", siren + "000a" + valid.charAt(13), wrongCheckDigit,
                Sirets.completing(CAGV, "0001"))) {
            var answer = http.post("/api/governance/collectivites", """
                    {"siren": "%s", "name": "Bourg", "kind": "COMMUNE", "population": 900, "siret": "%s"}""".formatted(siren, siret),
                    PLATFORM_ADMIN, null);
            assertThat(answer.status()).as(siret + " " + answer).isEqualTo(400);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
            assertThat(answer.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                    .as(answer.toString()).containsExactly("siret");
        }
        assertThat(eventCount()).isEqualTo(events);
        assertThat(http.get("/api/governance/collectivites/" + siren, VALMONT_AGENT, null).status()).isEqualTo(404);
    }

    @Test
    void anUnknownSirenAnswers404() {
        var answer = http.get("/api/governance/collectivites/" + TestSirens.random(), VALMONT_AGENT, null);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.isProblem()).isTrue();
    }

    @Test
    void tokensAreCheckedByTheServiceItself() {
        List<String> tenants = List.of(VALMONT);
        List<String> admin = List.of("PLATFORM_ADMIN");
        String path = "/api/governance/collectivites";
        assertUnauthenticated(http.get(path, null, null));
        assertUnauthenticated(http.get(path, ISSUER.expiredToken("x", tenants, admin), null));
        assertUnauthenticated(http.get(path, ISSUER.tokenSignedByAnotherKey("x", tenants, admin), null));
        assertUnauthenticated(http.get(path, ISSUER.tokenFromAnotherIssuer("x", tenants, admin), null));
        assertUnauthenticated(http.post(path, collectivite(TestSirens.random(), "COMMUNE", 1, null), null, null));
        assertUnauthenticated(http.post(path, collectivite(TestSirens.random(), "COMMUNE", 1, null),
                ISSUER.expiredToken("x", tenants, admin), null));

        var foreignTenant = http.get(path, VALMONT_AGENT, SAINT_AUBIN);
        assertThat(foreignTenant.status()).isEqualTo(403);
        assertThat(foreignTenant.isProblem()).isTrue();

        var noActiveTenant = http.get(path, PLATFORM_ADMIN, null);
        assertThat(noActiveTenant.status()).isEqualTo(400);
        assertThat(noActiveTenant.body()).contains("X-Tenant-Id");
        assertThat(http.get(path, PLATFORM_ADMIN, CAGV).status()).isEqualTo(200);
    }

    private void register(String siren, String name, String kind, long population, String epciSiren) {
        var answer = http.post("/api/governance/collectivites", """
                {"siren": "%s", "name": "%s", "kind": "%s", "population": %d, "epciSiren": %s}"""
                .formatted(siren, name, kind, population, epciSiren == null ? "null" : "\"" + epciSiren + "\""),
                PLATFORM_ADMIN, siren.equals(CAGV) || siren.equals(VALMONT) || siren.equals(SAINT_AUBIN) ? siren : null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }

    private static void assertBadRequest(TestHttp.Response answer, String named) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat(answer.body()).as(answer.toString()).contains(named);
    }

    private static void assertUnauthenticated(TestHttp.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
    }

    static String collectivite(String siren, String kind, long population, String epciSiren) {
        return """
                {"siren": "%s", "name": "Commune de test", "kind": "%s", "population": %d%s}"""
                .formatted(siren, kind, population, epciSiren == null ? "" : ", \"epciSiren\": \"" + epciSiren + "\"");
    }

    @Test
    void theOpenApiDocumentsEveryMappedOperationWithItsRoles(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        var comparison = DocumentedRoles.documentedAgainstMapped(http, mappings);
        assertThat(comparison.documented()).as("operations of the OpenAPI document, against the controllers' mappings")
                .isEqualTo(comparison.mapped());
        assertThat(DocumentedRoles.operationsWithout(http)).isEmpty();
    }

    @Test
    void theOpenApiDocumentFollowsTheContractRulesAndIsTheCommittedOne() {
        CommittedApiDocument.assertFollowsTheRulesAndIsCommitted(http, "governance");
    }
}

package fr.mutualis.evaluation.api;

import fr.mutualis.kit.testsupport.TestHttp;
import fr.mutualis.kit.testsupport.TestInfrastructure;
import fr.mutualis.kit.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvaluationApiTest {

    static final String VALMONT = "210000022";
    static final String SAINT_AUBIN = "210000030";
    static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
    static final String VALMONT_AGENT = ISSUER.token("valmont-agent", List.of(VALMONT), List.of("AGENT"));
    static final String STAUBIN_AGENT = ISSUER.token("staubin-agent", List.of(SAINT_AUBIN), List.of("AGENT"));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "evaluation");
        ISSUER.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp("http://localhost:" + port);
    }

    @Test
    void anIndicatorIsDefinedAndOnlyItsTenantSeesIt() {
        var created = http.post("/api/evaluation/indicators", indicator(VALMONT, "UP", "40", "80"), VALMONT_AGENT, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        var read = await().atMost(Duration.ofSeconds(10))
                .until(() -> http.get("/api/evaluation/indicators/" + id, VALMONT_AGENT, null), answer -> answer.status() == 200);
        assertThat(read.json().get("targetValue").asString()).isEqualTo("80");
        assertThat(read.header("ETag")).isPresent();

        var foreign = http.get("/api/evaluation/indicators/" + id, STAUBIN_AGENT, null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.isProblem()).isTrue();
        assertThat(http.get("/api/evaluation/indicators/" + UUID.randomUUID(), VALMONT_AGENT, null).status()).isEqualTo(404);
    }

    @Test
    void rulesAnswer422() {
        var otherTenantScope = http.post("/api/evaluation/indicators", indicator(SAINT_AUBIN, "UP", "40", "80"), VALMONT_AGENT, null);
        assertThat(otherTenantScope.status()).isEqualTo(422);
        var wrongDirection = http.post("/api/evaluation/indicators", indicator(VALMONT, "DOWN", "40", "80"), VALMONT_AGENT, null);
        assertThat(wrongDirection.status()).isEqualTo(422);
        assertThat(wrongDirection.isProblem()).isTrue();
        var unknownProject = http.post("/api/evaluation/indicators",
                indicator(VALMONT, "UP", "1", "2").replace("\"TENANT\"", "\"PROJECT\"").replace("\"" + VALMONT + "\"", "\"" + UUID.randomUUID() + "\""),
                VALMONT_AGENT, null);
        assertThat(unknownProject.status()).as(unknownProject.toString()).isEqualTo(422);
    }

    @Test
    void badInputAnswers400AndStoresNothing() {
        long events = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        assertBadRequest(http.post("/api/evaluation/indicators", "{\"name\": ", VALMONT_AGENT, null), "Malformed");
        assertBadRequest(http.post("/api/evaluation/indicators", "[]", VALMONT_AGENT, null), "wrong shape");
        assertBadRequest(http.post("/api/evaluation/indicators", indicator(VALMONT, "SIDEWAYS", "1", "2"), VALMONT_AGENT, null), "direction");
        assertBadRequest(http.post("/api/evaluation/indicators", indicator(VALMONT, "UP", "\"beaucoup\"", "2").replace("\"\"beaucoup\"\"", "\"beaucoup\""), VALMONT_AGENT, null), "baselineValue");
        assertBadRequest(http.post("/api/evaluation/indicators", indicator(VALMONT, "UP", "1", "2").replace("\"2026-01-01\"", "\"2026-13-45\""), VALMONT_AGENT, null), "baselineDate");
        assertBadRequest(http.post("/api/evaluation/indicators", indicator(VALMONT, "UP", "1", "1e40"), VALMONT_AGENT, null), "targetValue");
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single()).isEqualTo(events);
    }

    @Test
    void theDashboardNeedsAValidToken() {
        assertThat(http.get("/api/evaluation/dashboard", null, null).status()).isEqualTo(401);
        assertThat(http.get("/api/evaluation/dashboard", ISSUER.expiredToken("x", List.of(VALMONT), List.of("AGENT")), null).status()).isEqualTo(401);
        assertThat(http.get("/api/evaluation/dashboard", VALMONT_AGENT, SAINT_AUBIN).status()).isEqualTo(403);
        assertThat(http.get("/api/evaluation/dashboard", VALMONT_AGENT, null).status()).isEqualTo(200);
    }

    private static void assertBadRequest(TestHttp.Response answer, String named) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.body()).contains(named);
    }

    static String indicator(String scopeId, String direction, String baseline, String target) {
        return """
                {"scopeKind": "TENANT", "scopeId": "%s", "name": "Part des démarches en ligne", "unit": "%%",
                 "baselineValue": %s, "baselineDate": "2026-01-01", "targetValue": %s, "targetDate": "2028-12-31",
                 "direction": "%s", "frequency": "QUARTERLY"}""".formatted(scopeId, baseline, target, direction);
    }
}

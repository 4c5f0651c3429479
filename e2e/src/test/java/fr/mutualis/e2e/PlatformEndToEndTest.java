package fr.mutualis.e2e;

import fr.mutualis.e2e.support.Platform;
import fr.mutualis.e2e.support.Territory;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.testsupport.TestHttp.Response;
import fr.mutualis.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform, started the way the README's run command starts it (embedded PostgreSQL and KRaft Kafka, the
 * real token issuer, five applications in their own JVMs from their extracted jars), used only through the gateway
 * with real tokens. Each test works on its own resources, so counts are per roadmap or per tenant created here.
 */
@ExtendWith(Platform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Isolated("It stops budget-service for a while, which every other class would meet")
class PlatformEndToEndTest {

    private static LocalStack stack;
    private static TestHttp gateway;
    /** Collectivités of this class's own: its counts (a dashboard's, a list's total) are not another class's. */
    private static Territory territory;
    private static String valmontAgent;
    private static String saintAubinAgent;

    private static String roadmapId;
    private static String projectId;

    @BeforeAll
    static void tokens() {
        stack = Platform.stack();
        gateway = Platform.gateway();
        territory = Territory.create();
        valmontAgent = territory.agent(territory.ville);
        saintAubinAgent = territory.agent(territory.bourg);
    }

    @Test
    @Order(1)
    void aWriteInPortfolioReachesTheEvaluationDashboardThroughKafkaWithinTenSeconds() {
        Response roadmap = gateway.post("/api/portfolio/roadmaps", """
                {"title": "Feuille de route numérique 2026-2028", "startYear": 2026, "endYear": 2028,
                 "axes": ["DEMATERIALISATION", "OPEN_DATA"]}""", valmontAgent, null);
        assertThat(roadmap.status()).as(roadmap.body()).isEqualTo(201);
        roadmapId = roadmap.json().get("id").asString();

        long start = System.nanoTime();
        Response project = gateway.post("/api/portfolio/projects", """
                {"roadmapId": "%s", "title": "Chaîne comptable dématérialisée et facturation électronique",
                 "description": "Parapheur, Chorus Pro et archivage", "axis": "DEMATERIALISATION",
                 "theme": "BUSINESS_SERVICES", "sponsor": "Adjointe aux finances", "manager": "DSI",
                 "plannedStart": "2026-03-01", "plannedEnd": "2027-06-30",
                 "estimatedInvestmentCents": 18000000, "estimatedOperatingCents": 2500000}""".formatted(roadmapId),
                valmontAgent, null);
        assertThat(project.status()).as(project.body()).isEqualTo(201);
        projectId = project.json().get("id").asString();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode dashboard = dashboardOf(valmontAgent);
            assertThat(dashboard.get("roadmaps").asLong()).isEqualTo(1);
            assertThat(dashboard.at("/projects/byAxis/DEMATERIALISATION").asLong()).isEqualTo(1);
            assertThat(dashboard.at("/projects/byStatus/PROPOSED").asLong()).isEqualTo(1);
        });
        System.out.printf("portfolio command -> evaluation dashboard through Kafka: %d ms%n",
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    @Test
    @Order(2)
    void anotherCollectiviteNeitherReadsNorListsValmontsData() {
        assertNotFound(gateway.get("/api/portfolio/projects/" + projectId, saintAubinAgent, null));
        assertNotFound(gateway.get("/api/portfolio/roadmaps/" + roadmapId, saintAubinAgent, null));

        Response projects = gateway.get("/api/portfolio/projects?size=200", saintAubinAgent, null);
        assertThat(projects.status()).isEqualTo(200);
        assertThat(ids(projects.json().get("items"))).doesNotContain(projectId);
        assertThat(projects.json().get("total").asLong()).isZero();
        Response filtered = gateway.get("/api/portfolio/projects?roadmapId=" + roadmapId, saintAubinAgent, null);
        assertThat(filtered.json().get("total").asLong()).isZero();

        JsonNode dashboard = dashboardOf(saintAubinAgent);
        assertThat(dashboard.at("/projects/total").asLong()).isZero();
        assertThat(dashboard.get("roadmaps").asLong()).isZero();

        // and the owner still sees it, so the 404s above are isolation, not absence
        assertThat(gateway.get("/api/portfolio/projects/" + projectId, valmontAgent, null).status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void requestsWithoutAValidTokenOrForAnotherTenantAreRefused() {
        assertProblem(gateway.get("/api/portfolio/projects", null, null), 401);

        String[] parts = valmontAgent.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(territory.ville, territory.bourg);
        String tampered = parts[0] + "." + base64(claims) + "." + parts[2];
        assertProblem(gateway.get("/api/portfolio/projects", tampered, null), 401);

        String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        assertProblem(gateway.get("/api/portfolio/projects", unsigned, null), 401);

        assertProblem(gateway.get("/api/portfolio/projects", stack.expiredToken(Territory.id("agent", territory.ville)), null), 401);

        Response foreignTenant = gateway.get("/api/portfolio/projects", valmontAgent, territory.bourg);
        assertProblem(foreignTenant, 403);
        assertThat(foreignTenant.body()).contains(territory.bourg);
    }

    @Test
    @Order(4)
    void withOneServiceDownItsRoutesAnswer503QuicklyAndTheOthersKeepWorking() {
        stack.stopApp("budget-service");
        try {
            serviceDownAnswersQuicklyAndOthersWork();
        } finally {
            stack.startApp("budget-service");
        }
        assertThat(gateway.get("/api/budget/lines/" + java.util.UUID.randomUUID(), valmontAgent, null).status())
                .as("budget-service answers again once restarted").isEqualTo(404);
    }

    private void serviceDownAnswersQuicklyAndOthersWork() {
        long start = System.nanoTime();
        Response down = gateway.get("/api/budget/lines/" + java.util.UUID.randomUUID(), valmontAgent, null);
        long elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertProblem(down, 503);
        // a bound that only catches a hang (the circuit or the connection waiting for ever): the figure is the bench's
        assertThat(elapsedMillis).as("503 answered in %d ms", elapsedMillis).isLessThan(30_000);
        System.out.printf("budget-service down: gateway answered 503 in %d ms%n", elapsedMillis);

        assertThat(gateway.get("/api/portfolio/projects/" + projectId, valmontAgent, null).status()).isEqualTo(200);
        assertThat(gateway.get("/api/evaluation/dashboard", valmontAgent, null).status()).isEqualTo(200);
        Response write = gateway.post("/api/portfolio/roadmaps", """
                {"title": "Schéma directeur SIG", "startYear": 2027, "endYear": 2029, "axes": ["SMART_CITY"]}""",
                valmontAgent, null);
        assertThat(write.status()).as(write.body()).isEqualTo(201);
    }

    private static JsonNode dashboardOf(String token) {
        Response dashboard = gateway.get("/api/evaluation/dashboard", token, null);
        assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
        return dashboard.json();
    }

    private static void assertNotFound(Response response) {
        assertProblem(response, 404);
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }

    private static List<String> ids(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.get("id").asString()).toList();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

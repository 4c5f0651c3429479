package fr.mutualis.gateway;

import fr.mutualis.gateway.support.FakeService;
import fr.mutualis.gateway.support.TestIssuer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/**
 * The gateway end to end over real HTTP: real JWT validation against a JWK set served by {@link TestIssuer}, real
 * downstream servers ({@link FakeService}). One Spring context for the whole class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Short time limiter for the evaluation route only, to test timeouts quickly.
        "resilience4j.timelimiter.instances.evaluation.timeout-duration=1s"
})
class GatewayIntegrationTest {

    static final String VALMONT = "213100001";
    static final String SAINT_AUBIN = "213100019";
    static final String OTHER = "999999999";

    static final TestIssuer ISSUER = new TestIssuer();
    static final FakeService PORTFOLIO = new FakeService("portfolio");
    static final FakeService BUDGET = new FakeService("budget");
    static final FakeService GOVERNANCE = new FakeService("governance");
    static final FakeService EVALUATION = new FakeService("evaluation");

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("MUTUALIS_SECURITY_ISSUER_URI", ISSUER::issuer);
        registry.add("MUTUALIS_SECURITY_JWK_SET_URI", ISSUER::jwkSetUri);
        registry.add("MUTUALIS_ROUTES_PORTFOLIO_URI", PORTFOLIO::uri);
        registry.add("MUTUALIS_ROUTES_BUDGET_URI", BUDGET::uri);
        registry.add("MUTUALIS_ROUTES_GOVERNANCE_URI", GOVERNANCE::uri);
        registry.add("MUTUALIS_ROUTES_EVALUATION_URI", EVALUATION::uri);
    }

    @AfterAll
    static void stopServers() {
        List.of(PORTFOLIO, BUDGET, GOVERNANCE, EVALUATION).forEach(FakeService::close);
        ISSUER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @Autowired
    TimeLimiterRegistry timeLimiters;

    WebTestClient client;
    String token;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .build();
        token = ISSUER.token(List.of(VALMONT, SAINT_AUBIN), List.of("AGENT"));
    }

    @Test
    void validTokenIsRoutedWithPathAuthorizationAndCorrelationIdRelayed() {
        EntityExchangeResult<byte[]> result = client.get().uri("/api/portfolio/projects?status=ACTIVE")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value("X-Correlation-Id", matchesPattern(UUID_PATTERN))
                .expectBody()
                .jsonPath("$.service").isEqualTo("portfolio")
                .jsonPath("$.path").isEqualTo("/api/portfolio/projects")
                .jsonPath("$.query").isEqualTo("status=ACTIVE")
                .jsonPath("$.headers.authorization").isEqualTo("Bearer " + token)
                .returnResult();
        String correlationId = result.getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8))
                .contains("\"x-correlation-id\":\"" + correlationId + "\"");
    }

    @Test
    void saneClientCorrelationIdIsKeptAndInsaneOneReplaced() {
        client.get().uri("/api/budget/summary")
                .headers(h -> h.setBearerAuth(token))
                .header("X-Correlation-Id", "client-Id_42")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Correlation-Id", "client-Id_42")
                .expectBody().jsonPath("$.headers.x-correlation-id").isEqualTo("client-Id_42");

        client.get().uri("/api/budget/summary")
                .headers(h -> h.setBearerAuth(token))
                .header("X-Correlation-Id", "x".repeat(65))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value("X-Correlation-Id", matchesPattern(UUID_PATTERN));
    }

    @Test
    void missingTokenAnswers401ProblemWithChallenge() {
        client.get().uri("/api/portfolio/projects")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().value("X-Correlation-Id", matchesPattern(UUID_PATTERN))
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://mutualis.fr/problems/unauthenticated")
                .jsonPath("$.title").isEqualTo("Unauthenticated")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.instance").isEqualTo("/api/portfolio/projects");
    }

    @Test
    void tokenSignedByAnotherKeyAnswers401() {
        expectInvalidToken(ISSUER.tokenSignedByForeignKey(List.of(VALMONT)));
    }

    @Test
    void expiredTokenAnswers401() {
        expectInvalidToken(ISSUER.expiredToken(List.of(VALMONT)));
    }

    @Test
    void tokenWithoutTenantsAnswers401() {
        expectInvalidToken(ISSUER.tokenWithoutTenants());
    }

    @Test
    void unsignedTokenAnswers401() {
        expectInvalidToken(ISSUER.unsignedToken(List.of(VALMONT)));
    }

    @Test
    void tokenFromAnotherIssuerAnswers401() {
        expectInvalidToken(ISSUER.tokenFromOtherIssuer(List.of(VALMONT)));
    }

    @Test
    void garbageTokenAnswers401() {
        expectInvalidToken("not-a-jwt");
    }

    private void expectInvalidToken(String badToken) {
        client.get().uri("/api/portfolio/projects")
                .headers(h -> h.setBearerAuth(badToken))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer error=\"invalid_token\""))
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.title").isEqualTo("Unauthenticated");
    }

    @Test
    void tenantOutsideTheTokenAnswers403Problem() {
        client.get().uri("/api/portfolio/projects")
                .headers(h -> h.setBearerAuth(token))
                .header("X-Tenant-Id", OTHER)
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://mutualis.fr/problems/tenant-not-allowed")
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.detail").value(containsString(OTHER));
    }

    @Test
    void tenantOfTheTokenIsRelayed() {
        client.get().uri("/api/portfolio/projects")
                .headers(h -> h.setBearerAuth(token))
                .header("X-Tenant-Id", SAINT_AUBIN)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.headers.x-tenant-id").isEqualTo(SAINT_AUBIN);
    }

    @Test
    void downServiceAnswers503ProblemQuicklyAndOtherRoutesStillWork() {
        GOVERNANCE.stop();
        long start = System.nanoTime();
        client.post().uri("/api/governance/instances")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Comité\"}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Correlation-Id")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://mutualis.fr/problems/service-unavailable")
                .jsonPath("$.title").isEqualTo("Service unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").isEqualTo("governance-service is unavailable")
                .jsonPath("$.instance").isEqualTo("/api/governance/instances");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));

        client.get().uri("/api/budget/summary?fiscalYear=2026")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("budget");
    }

    @Test
    void slowServiceAnswers503AfterTheTimeLimiter() {
        long start = System.nanoTime();
        client.get().uri("/api/evaluation/slow")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("evaluation-service is unavailable");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void serviceProblemPassesThroughUnchangedAndIsNotACircuitBreakerFailure() {
        CircuitBreaker breaker = circuitBreakers.circuitBreaker("portfolio");
        long failedBefore = breaker.getMetrics().getNumberOfFailedCalls();
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/portfolio/projects/missing")
                    .headers(h -> h.setBearerAuth(token))
                    .exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals("X-Service", "portfolio")
                    .expectBody(String.class).isEqualTo(FakeService.NOT_FOUND_BODY);
        }
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(failedBefore);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void resilienceSettingsComeFromConfiguration() {
        assertThat(timeLimiters.getDefaultConfig().getTimeoutDuration()).isEqualTo(Duration.ofSeconds(10));
        var config = circuitBreakers.circuitBreaker("budget").getCircuitBreakerConfig();
        assertThat(config.getSlidingWindowSize()).isEqualTo(20);
        assertThat(config.getFailureRateThreshold()).isEqualTo(50f);
    }

    @Test
    void bodyOverOneMebibyteAnswers413() {
        client.post().uri("/api/portfolio/projects")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[1024 * 1024 + 1])
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413);
    }

    @Test
    void chunkedBodyOverOneMebibyteAnswers413() {
        Flux<DataBuffer> chunks = Flux.range(0, 20)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[64 * 1024]));
        client.post().uri("/api/portfolio/projects")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(BodyInserters.fromDataBuffers(chunks))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void bodyUnderTheLimitIsRelayed() {
        client.post().uri("/api/portfolio/projects")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[1024 * 1024])
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bodySize").isEqualTo(1024 * 1024);
    }

    @Test
    void serviceOpenApiIsReachableWithoutToken() {
        client.get().uri("/v3/api-docs/portfolio")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("portfolio")
                .jsonPath("$.path").isEqualTo("/v3/api-docs");
    }

    @Test
    void unknownPathAnswers404Problem() {
        client.get().uri("/api/nowhere/things")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void healthAndPrometheusAreOpenButMetricsIsNot() {
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/api/portfolio/projects").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();
        client.get().uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("spring_cloud_gateway_requests_seconds_count")
                        .contains("routeId=\"portfolio\""));
        client.get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
    }
}

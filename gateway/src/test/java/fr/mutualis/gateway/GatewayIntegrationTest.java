package fr.mutualis.gateway;

import fr.mutualis.gateway.metrics.RejectionMetrics;
import fr.mutualis.gateway.support.FakeService;
import fr.mutualis.gateway.support.RawExchange;
import fr.mutualis.testsupport.TestTokenIssuer;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/**
 * The gateway end to end over real HTTP: real JWT validation against a JWK set served by {@link TestTokenIssuer}, real
 * downstream servers ({@link FakeService}). One Spring context for the whole class.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Short time limiter for the evaluation route only, to test timeouts quickly.
        "resilience4j.timelimiter.instances.evaluation.timeout-duration=1s",
        "mutualis.security.audience=" + TestTokenIssuer.AUDIENCE,
        // A bucket small enough to flood in a test, large enough for every other test's requests (about 30, all
        // charged to VALMONT), refilling slowly enough that a flood outpaces it.
        "mutualis.gateway.rate-limit.burst-capacity=" + GatewayIntegrationTest.BURST,
        "mutualis.gateway.rate-limit.replenish-rate=1"
})
class GatewayIntegrationTest {

    static final String VALMONT = "213100001";
    static final String SAINT_AUBIN = "213100019";
    static final String OTHER = "999999999";
    static final String FLOODING = "213100027";
    static final String NEIGHBOUR = "213100035";
    static final String BUSY = "213100043";
    /** Charged for the hostile-input probes, so that they take nothing from the other tests' buckets. */
    static final String PROBING = "213100050";
    static final int BURST = 60;
    /** Longer than any answer on the slowest machine, shorter than a hang: speed is measured by the bench module. */
    static final Duration HANG = Duration.ofSeconds(30);

    static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
    /** Whoever the tokens are for: the gateway relays them and checks their tenants, never their subject. */
    static final String USER = "camille-test";
    static final FakeService PORTFOLIO = new FakeService("portfolio");
    static final FakeService BUDGET = new FakeService("budget");
    static final FakeService GOVERNANCE = new FakeService("governance");
    static final FakeService EVALUATION = new FakeService("evaluation");
    /** Two instances of the reporting job behind its one route. */
    static final FakeService REPORTING_A = new FakeService("reporting-a");
    static final FakeService REPORTING_B = new FakeService("reporting-b");

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("MUTUALIS_SECURITY_ISSUER_URI", ISSUER::issuer);
        registry.add("MUTUALIS_SECURITY_JWK_SET_URI", ISSUER::jwkSetUri);
        registry.add("MUTUALIS_ROUTES_PORTFOLIO_URI", PORTFOLIO::uri);
        registry.add("MUTUALIS_ROUTES_BUDGET_URI", BUDGET::uri);
        registry.add("MUTUALIS_ROUTES_GOVERNANCE_URI", GOVERNANCE::uri);
        registry.add("MUTUALIS_ROUTES_EVALUATION_URI", EVALUATION::uri);
        registry.add("MUTUALIS_ROUTES_REPORTING_URI", () -> REPORTING_A.uri() + "," + REPORTING_B.uri());
    }

    @AfterAll
    static void stopServers() {
        List.of(PORTFOLIO, BUDGET, GOVERNANCE, EVALUATION, REPORTING_A, REPORTING_B).forEach(FakeService::close);
    }

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @Autowired
    TimeLimiterRegistry timeLimiters;

    @Autowired
    BulkheadRegistry bulkheads;

    @Autowired
    RejectionMetrics rejections;

    WebTestClient client;
    String token;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .build();
        token = ISSUER.token(USER, List.of(VALMONT, SAINT_AUBIN), List.of("AGENT"));
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
    void aClientsTraceparentIsTheTraceOfItsProblemAndGoesOnToTheService() {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String traceparent = "00-" + trace + "-00f067aa0ba902b7-01";

        client.get().uri("/api/portfolio/projects")
                .header("traceparent", traceparent)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.traceId").isEqualTo(trace)
                .jsonPath("$.correlationId").value(matchesPattern(UUID_PATTERN));

        client.get().uri("/api/portfolio/projects")
                .headers(h -> h.setBearerAuth(token))
                .header("traceparent", traceparent)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.headers.traceparent").value(matchesPattern("00-" + trace + "-[0-9a-f]{16}-01"));
    }

    @Test
    void withoutTraceparentTheGatewayStartsATraceAndCarriesIt() {
        client.get().uri("/api/portfolio/projects")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.headers.traceparent").value(matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
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
                .jsonPath("$.instance").isEqualTo("/api/portfolio/projects")
                // An extension member sits at the top level, as in the services' problems.
                .jsonPath("$.correlationId").value(matchesPattern(UUID_PATTERN))
                .jsonPath("$.properties").doesNotExist();
    }

    @Test
    void tokenSignedByAnotherKeyAnswers401() {
        expectInvalidToken(ISSUER.tokenSignedByAnotherKey(USER, List.of(VALMONT), List.of("AGENT")));
    }

    @Test
    void expiredTokenAnswers401() {
        expectInvalidToken(ISSUER.expiredToken(USER, List.of(VALMONT), List.of("AGENT")));
    }

    @Test
    void tokenWithoutTenantsAnswers401() {
        expectInvalidToken(ISSUER.tokenWithoutTenants(USER, List.of("AGENT")));
    }

    @Test
    void unsignedTokenAnswers401() {
        expectInvalidToken(ISSUER.unsignedToken(USER, List.of(VALMONT), List.of("AGENT")));
    }

    @Test
    void tokenFromAnotherIssuerAnswers401() {
        expectInvalidToken(ISSUER.tokenFromAnotherIssuer(USER, List.of(VALMONT), List.of("AGENT")));
    }

    @Test
    void tokenNotYetValidAnswers401() {
        expectInvalidToken(ISSUER.tokenNotYetValid(USER, List.of(VALMONT), List.of("AGENT")));
    }

    @Test
    void tokenWhoseTenantsClaimIsNotAListAnswers401() {
        expectInvalidToken(ISSUER.tokenWithScalarTenants(USER, VALMONT, List.of("AGENT")));
    }

    @Test
    void tokenForAnotherAudienceAnswers401() {
        expectInvalidToken(ISSUER.tokenForAudience(USER, List.of(VALMONT), List.of("AGENT"), "another-application"));
    }

    @Test
    void tokenWithoutAudienceAnswers401WhenAnAudienceIsRequired() {
        expectInvalidToken(ISSUER.tokenWithoutAudience(USER, List.of(VALMONT), List.of("AGENT")));
    }

    @Test
    void tokenForTheConfiguredAudienceIsAccepted() {
        client.get().uri("/api/portfolio/projects")
                .headers(h -> h.setBearerAuth(ISSUER.tokenForAudience(USER, List.of(VALMONT), List.of("AGENT"), TestTokenIssuer.AUDIENCE)))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void hmacTokenKeyedWithThePublicKeyAnswers401() {
        expectInvalidToken(ISSUER.tokenSignedWithPublicKeyAsHmacSecret(USER, List.of(VALMONT), List.of("AGENT")));
    }

    @Test
    void garbageTokenAnswers401() {
        expectInvalidToken("not-a-jwt");
    }

    record Answer(int status, HttpHeaders headers, String body) {
    }

    private void expectInvalidToken(String badToken) {
        String path = "/api/portfolio/projects/invalid-token-" + UUID.randomUUID();
        client.post().uri(path)
                .headers(h -> h.setBearerAuth(badToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Voirie\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer error=\"invalid_token\""))
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://mutualis.fr/problems/unauthenticated")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.title").isEqualTo("Unauthenticated")
                .jsonPath("$.instance").isEqualTo(path);
        assertThat(PORTFOLIO.received(path)).isZero();
    }

    @Test
    void tenantOutsideTheTokenAnswers403ProblemAndIsNotRelayed() {
        String path = "/api/portfolio/projects/foreign-tenant";
        client.post().uri(path)
                .headers(h -> h.setBearerAuth(token))
                .header("X-Tenant-Id", OTHER)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Voirie\"}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://mutualis.fr/problems/tenant-not-allowed")
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.detail").value(containsString(OTHER));
        assertThat(PORTFOLIO.received(path)).isZero();
    }

    @Test
    void aForeignTenantSmuggledInASecondHeaderAnswers403() {
        String path = "/api/portfolio/projects/smuggled-tenant";
        client.get().uri(path)
                .headers(h -> {
                    h.setBearerAuth(token);
                    h.add("X-Tenant-Id", VALMONT);
                    h.add("X-Tenant-Id", OTHER);
                })
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://mutualis.fr/problems/tenant-not-allowed");
        assertThat(PORTFOLIO.received(path)).isZero();
    }

    @Test
    void floodingTenantGets429WhileAnotherTenantStillSucceeds() {
        String path = "/api/portfolio/projects/flood";
        String flooder = ISSUER.token(USER, List.of(FLOODING), List.of("AGENT"));
        double refusedBefore = rejections.counter(RejectionMetrics.Reason.RATE_LIMITED, "portfolio").count();

        // Twice the burst, 16 at a time: the bucket refills by one per second, far slower than this flood.
        List<Answer> answers = Flux.range(0, 2 * BURST)
                .flatMap(i -> WebClient.create("http://localhost:" + port).get().uri(path)
                        .headers(h -> h.setBearerAuth(flooder))
                        .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                                .map(body -> new Answer(response.statusCode().value(),
                                        response.headers().asHttpHeaders(), body))), 16)
                .collectList()
                .block(Duration.ofSeconds(60));

        List<Answer> refused = answers.stream().filter(answer -> answer.status() == 429).toList();
        long accepted = answers.stream().filter(answer -> answer.status() == 200).count();
        assertThat(accepted + refused.size()).isEqualTo(2 * BURST);
        assertThat(accepted).isGreaterThanOrEqualTo(BURST).isLessThan(2 * BURST);
        assertThat(PORTFOLIO.received(path)).isEqualTo(accepted);
        assertThat(rejections.counter(RejectionMetrics.Reason.RATE_LIMITED, "portfolio").count())
                .isEqualTo(refusedBefore + refused.size());
        Answer first = refused.getFirst();
        assertThat(first.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        // At most one second until the next token, in whole seconds.
        assertThat(first.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(first.body())
                .contains("\"type\":\"https://mutualis.fr/problems/rate-limited\"")
                .contains("\"status\":429")
                .contains("\"instance\":\"" + path + "\"");

        // The flooder is out of tokens; its neighbour, and a user acting for it through X-Tenant-Id, are not.
        client.get().uri(path)
                .headers(h -> h.setBearerAuth(ISSUER.token(USER, List.of(NEIGHBOUR), List.of("AGENT"))))
                .exchange()
                .expectStatus().isOk();
        client.get().uri(path)
                .headers(h -> h.setBearerAuth(ISSUER.token(USER, List.of(FLOODING, NEIGHBOUR), List.of("AGENT"))))
                .header("X-Tenant-Id", NEIGHBOUR)
                .exchange()
                .expectStatus().isOk();
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
    void requestsAreSharedBetweenAServicesInstancesAndADeadOneIsLeftOut() {
        String path = "/api/reporting/territory";
        String reporting = ISSUER.token(USER, List.of(VALMONT), List.of("REPORTING"));
        for (int i = 0; i < 20; i++) {
            client.get().uri(path).headers(h -> h.setBearerAuth(reporting)).exchange().expectStatus().isOk();
        }
        assertThat(REPORTING_A.received(path) + REPORTING_B.received(path)).isEqualTo(20);
        assertThat(REPORTING_A.received(path)).isBetween(5L, 15L);

        REPORTING_B.stop();
        // Within a few health checks (every 2 s) the dead instance gets no more requests: ten in a row reach A.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            long before = REPORTING_A.received(path);
            for (int i = 0; i < 10; i++) {
                client.get().uri(path).headers(h -> h.setBearerAuth(reporting)).exchange().expectStatus().isOk();
            }
            assertThat(REPORTING_A.received(path)).isEqualTo(before + 10);
        });
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
        // a bound that only catches a hang: how fast the 503 comes is a figure of the bench module, not a test
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANG);

        client.get().uri("/api/budget/summary?fiscalYear=2026")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("budget");
    }

    @Test
    void theFallbacksLogLineCarriesTheClientsTrace(CapturedOutput output) {
        String trace = "0af7651916cd43dd8448eb211c80319c";
        client.get().uri("/api/evaluation/slow")
                .headers(h -> h.setBearerAuth(token))
                .header("traceparent", "00-" + trace + "-b7ad6b7169203331-01")
                .exchange()
                .expectStatus().isEqualTo(503);
        // the gateway restores the trace into the MDC only where it logs (context propagation "limited")
        assertThat(output.getOut()).containsPattern("\\[" + trace + "-[0-9a-f]{16}\\] [^\\n]*evaluation-service unavailable");
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
        // the 503 itself shows the time limiter cut the call: the fake service answers 200 after 3 s; the bound only
        // catches a hang
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANG);
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

    /**
     * Many users waiting on a slow but healthy service are relayed, not shed: the library's default bulkhead (25
     * concurrent calls per route) answered 503 beyond it, and counted those refusals as failures that opened the
     * circuit for every tenant.
     */
    @Test
    void aBurstOfSlowButHealthyCallsIsRelayedAndKeepsTheCircuitClosed() {
        String path = "/api/budget/lines/busy/slow";
        String busy = ISSUER.token(USER, List.of(BUSY), List.of("AGENT"));
        CircuitBreaker breaker = circuitBreakers.circuitBreaker("budget");

        List<Integer> statuses = Flux.range(0, 40)
                .flatMap(i -> WebClient.create("http://localhost:" + port).get().uri(path)
                        .headers(h -> h.setBearerAuth(busy))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 40)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(statuses).hasSize(40).containsOnly(200);
        assertThat(BUDGET.received(path)).isEqualTo(40);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void resilienceSettingsComeFromConfiguration() {
        assertThat(timeLimiters.getDefaultConfig().getTimeoutDuration()).isEqualTo(Duration.ofSeconds(10));
        var config = circuitBreakers.circuitBreaker("budget").getCircuitBreakerConfig();
        assertThat(config.getSlidingWindowSize()).isEqualTo(20);
        assertThat(config.getFailureRateThreshold()).isEqualTo(50f);
        assertThat(bulkheads.bulkhead("budget").getBulkheadConfig().getMaxConcurrentCalls()).isEqualTo(256);
    }

    @Test
    void bodyOverOneMebibyteAnswers413AndNeverReachesTheService() {
        String path = "/api/portfolio/projects/too-large";
        double before = rejections.counter(RejectionMetrics.Reason.PAYLOAD_TOO_LARGE, "portfolio").count();
        client.post().uri(path)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[1024 * 1024 + 1])
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://mutualis.fr/problems/payload-too-large")
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.detail").isEqualTo("The request body exceeds the limit of 1048576 bytes")
                .jsonPath("$.instance").isEqualTo(path);
        assertThat(PORTFOLIO.received(path)).isZero();
        assertThat(rejections.counter(RejectionMetrics.Reason.PAYLOAD_TOO_LARGE, "portfolio").count())
                .isEqualTo(before + 1);
    }

    @Test
    void oversizedBodyAnswers413EvenWithoutToken() {
        client.post().uri("/api/budget/lines")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[2 * 1024 * 1024])
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(BUDGET.received("/api/budget/lines")).isZero();
    }

    @Test
    void chunkedBodyOverOneMebibyteAnswers413AndNeverReachesTheService() {
        String path = "/api/governance/instances/chunked-too-large";
        double before = rejections.counter(RejectionMetrics.Reason.PAYLOAD_TOO_LARGE, "governance").count();
        // Trickled, as a slow client would: streamed as it arrives, the service would see the first chunks.
        Flux<DataBuffer> chunks = Flux.range(0, 20)
                .delayElements(Duration.ofMillis(20))
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[64 * 1024]));
        client.post().uri(path)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(BodyInserters.fromDataBuffers(chunks))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://mutualis.fr/problems/payload-too-large")
                .jsonPath("$.instance").isEqualTo(path);
        assertThat(GOVERNANCE.received(path)).isZero();
        assertThat(rejections.counter(RejectionMetrics.Reason.PAYLOAD_TOO_LARGE, "governance").count())
                .isEqualTo(before + 1);
    }

    @Test
    void chunkedBodyUnderTheLimitIsRelayedWhole() {
        Flux<DataBuffer> chunks = Flux.range(0, 16)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[64 * 1024]));
        client.post().uri("/api/evaluation/indicators")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(BodyInserters.fromDataBuffers(chunks))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.bodySize").isEqualTo(1024 * 1024)
                .jsonPath("$.headers.content-length").isEqualTo(String.valueOf(1024 * 1024))
                .jsonPath("$.headers.transfer-encoding").doesNotExist();
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
    void gatewayOpenApiDocumentsTheLimits() {
        client.get().uri("/v3/api-docs/gateway")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.info.description").value(description -> assertThat((String) description)
                        .contains("may not exceed 1048576 bytes")
                        .contains(BURST + " requests at once, then 1 more per second")
                        .contains("429 with a Retry-After header")
                        .contains("aud claim must contain " + TestTokenIssuer.AUDIENCE));
    }

    @Test
    void unknownPathAnswers404Problem() {
        client.get().uri("/api/nowhere/things")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /**
     * The request's own observation carries its trace and timing; one per security filter, authentication and
     * authorization cost a tenth of a relayed request's CPU in the platform benchmark's profile.
     */
    @Test
    void aRelayedRequestRecordsNoObservationPerSecurityFilter() {
        String operator = ISSUER.token(USER, List.of(PROBING), List.of("PLATFORM_ADMIN"));
        client.get().uri("/api/portfolio/projects").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();
        client.get().uri("/actuator/prometheus")
                .headers(h -> h.setBearerAuth(operator))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("http_server_requests_seconds_count")
                        .doesNotContain("spring_security_"));
    }

    @Test
    void healthIsOpenButMetricsAreForOperators() {
        String operator = ISSUER.token(USER, List.of(PROBING), List.of("PLATFORM_ADMIN"));
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/api/portfolio/projects").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();
        client.post().uri("/api/portfolio/projects").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[1024 * 1024 + 1]).exchange()
                .expectStatus().isEqualTo(413);
        client.get().uri("/actuator/prometheus")
                .headers(h -> h.setBearerAuth(operator))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("spring_cloud_gateway_requests_seconds_count")
                        .contains("routeId=\"portfolio\"")
                        // the relay's timer, under a name of its own (the web client's http.client.requests has
                        // other tag keys, and Prometheus refuses a second set under one name)
                        .containsPattern("mutualis_gateway_requests_relayed_seconds_count\\{[^}]*"
                                + "spring_cloud_gateway_route_id=\"portfolio\"[^}]*\\} [1-9]")
                        .containsPattern("mutualis_gateway_requests_rejected_total\\{[^}]*"
                                + "reason=\"payload-too-large\",route=\"portfolio\"\\} [1-9]"));
        client.get().uri("/actuator/metrics").headers(h -> h.setBearerAuth(operator)).exchange().expectStatus().isOk();
        // Every tenant's traffic is in there: not for anyone, nor for any tenant's token.
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        client.get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
        String agent = ISSUER.token(USER, List.of(PROBING), List.of("AGENT"));
        client.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(agent)).exchange().expectStatus().isForbidden();
        client.get().uri("/actuator/metrics").headers(h -> h.setBearerAuth(agent)).exchange().expectStatus().isForbidden();
    }

    /**
     * What Reactor Netty, Spring's adapter and the firewall refuse before any route answered 400, 414 or 431 with
     * an empty body: now a problem like every other refusal, and nothing reaches a service.
     */
    @Test
    void refusalsBeforeAnyRouteAreProblems() throws IOException {
        String bearer = "Authorization: Bearer " + ISSUER.token(USER, List.of(PROBING), List.of("AGENT"));
        List<RawExchange.Answer> answers = List.of(
                RawExchange.send(port, "GET /api/portfolio/../budget/lines HTTP/1.1", List.of(bearer)),
                RawExchange.send(port, "GET /api/portfolio/projects;x=1 HTTP/1.1", List.of(bearer)),
                RawExchange.send(port, "GET /api/portfolio//projects HTTP/1.1", List.of(bearer)),
                RawExchange.send(port, "GET /api/portfolio/%2e%2e/projects HTTP/1.1", List.of(bearer)),
                RawExchange.send(port, "GET /api/portfolio/projects?q=a|b HTTP/1.1", List.of(bearer)),
                RawExchange.send(port, "GET /api/portfolio/pro\u0001jects HTTP/1.1", List.of(bearer)),
                RawExchange.send(port, "GET /api/portfolio/projects?x=" + "a".repeat(9000) + " HTTP/1.1", List.of(bearer)),
                RawExchange.send(port, "GET /api/portfolio/projects HTTP/1.1", List.of(bearer, "X-Big: " + "a".repeat(9000))));
        for (RawExchange.Answer answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
            assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
            assertThat(answer.body()).as(answer.toString()).contains("\"status\":" + answer.status());
        }
        assertThat(answers).extracting(RawExchange.Answer::status).contains(414, 431);
        assertThat(PORTFOLIO.received("/api/budget/lines") + BUDGET.received("/api/budget/lines")).isZero();
    }

    @Test
    void theFallbackIsOnlyTheCircuitBreakersTarget() {
        client.get().uri("/fallback/portfolio")
                .headers(h -> h.setBearerAuth(ISSUER.token(USER, List.of(PROBING), List.of("AGENT"))))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** A query mixing raw bytes and escapes was encoded again: the service got a literal %27 and mojibake. */
    @Test
    void aQueryReachesTheServiceEncodedOnce() throws IOException {
        String bearer = "Authorization: Bearer " + ISSUER.token(USER, List.of(PROBING), List.of("AGENT"));
        RawExchange.Answer mixed = RawExchange.send(port, "GET /api/portfolio/projects?status=\u00c3\u00a9%27x HTTP/1.1",
                List.of(bearer));
        assertThat(mixed.status()).as(mixed.toString()).isEqualTo(200);
        assertThat(mixed.body()).contains("\"query\":\"status=%C3%A9%27x\"");
        RawExchange.Answer encoded = RawExchange.send(port, "GET /api/portfolio/projects?status=%27x&y=%25 HTTP/1.1",
                List.of(bearer));
        assertThat(encoded.body()).contains("\"query\":\"status=%27x&y=%25\"");
    }
}

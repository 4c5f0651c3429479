package fr.mutualis.gateway;

import fr.mutualis.gateway.support.FakeService;
import fr.mutualis.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

import static org.hamcrest.Matchers.containsString;

/**
 * Every path that is not the API, an OpenAPI document or the actuator reaches the console without a token (the
 * console signs people in), with the forwarded headers from which it builds its public URLs; the API keeps
 * requiring a token and never falls through to the console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleRouteTest {

    static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
    static final FakeService CONSOLE = new FakeService("console");
    static final FakeService PORTFOLIO = new FakeService("portfolio");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("MUTUALIS_SECURITY_ISSUER_URI", ISSUER::issuer);
        registry.add("MUTUALIS_SECURITY_JWK_SET_URI", ISSUER::jwkSetUri);
        registry.add("MUTUALIS_ROUTES_PORTFOLIO_URI", PORTFOLIO::uri);
        registry.add("MUTUALIS_ROUTES_CONSOLE_URI", CONSOLE::uri);
    }

    @AfterAll
    static void stopServers() {
        CONSOLE.close();
        PORTFOLIO.close();
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void pagesGoToTheConsoleWithoutTokenAndWithForwardedHeaders() {
        client().get().uri("/projets/42?page=1").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("console")
                .jsonPath("$.path").isEqualTo("/projets/42")
                .jsonPath("$.query").isEqualTo("page=1")
                .jsonPath("$.headers.host").isEqualTo("localhost:" + port)
                .jsonPath("$.headers.x-forwarded-host").value(containsString("localhost:" + port))
                .jsonPath("$.headers.x-forwarded-proto").isEqualTo("http");
        client().get().uri("/").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("console");
        client().post().uri("/login/oauth2/code/mutualis").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("console");
    }

    @Test
    void theApiStillRequiresATokenAndNeverFallsThroughToTheConsole() {
        client().get().uri("/api/portfolio/projects").exchange().expectStatus().isUnauthorized();
        client().get().uri("/api/unknown-context/things").exchange().expectStatus().isUnauthorized();
        client().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }
}

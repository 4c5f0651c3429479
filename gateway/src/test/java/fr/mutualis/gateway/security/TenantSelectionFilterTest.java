package fr.mutualis.gateway.security;

import fr.mutualis.contracts.HttpContract;
import fr.mutualis.gateway.error.ProblemWriter;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The rest of the chain (routing to the service) runs exactly once when the tenant is allowed, never when not. */
class TenantSelectionFilterTest {

    final TenantSelectionFilter filter = new TenantSelectionFilter(new ProblemWriter(JsonMapper.builder().build()));
    final AtomicInteger chainRuns = new AtomicInteger();
    final WebFilterChain chain = exchange -> Mono.fromRunnable(chainRuns::incrementAndGet);

    static MockServerWebExchange exchange(String... tenantHeaders) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("u").claim("tenants", List.of("A", "B"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/portfolio/projects");
        if (tenantHeaders.length > 0) {
            request.header(HttpContract.TENANT_HEADER, tenantHeaders);
        }
        return MockServerWebExchange.builder(request).principal(new JwtAuthenticationToken(jwt)).build();
    }

    @Test
    void aTenantOfTheTokenRunsTheChainOnce() {
        MockServerWebExchange exchange = exchange("B");
        filter.filter(exchange, chain).block();
        assertThat(chainRuns).hasValue(1);
        assertThat(exchange.getResponse().getStatusCode()).isNull();
    }

    @Test
    void noHeaderRunsTheChainOnce() {
        filter.filter(exchange(), chain).block();
        assertThat(chainRuns).hasValue(1);
    }

    @Test
    void aForeignTenantIsRefusedAndTheChainNeverRuns() {
        MockServerWebExchange exchange = exchange("A", "Z");
        filter.filter(exchange, chain).block();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(chainRuns).hasValue(0);
    }
}

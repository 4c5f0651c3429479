package fr.mutualis.gateway.ratelimit;

import fr.mutualis.contracts.HttpContract;
import fr.mutualis.gateway.error.ProblemWriter;
import fr.mutualis.gateway.metrics.RejectionMetrics;
import fr.mutualis.gateway.security.SecurityConfig;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.Optional;

/**
 * Charges each authenticated request to its active tenant's bucket and answers 429 problem+json with
 * {@code Retry-After} once the bucket is empty. Runs right after Spring Security's chain, so the token is valid and
 * {@code X-Tenant-Id} has already been checked against it. Anonymous requests (open paths) are not charged.
 */
@Component
@Order(SecurityConfig.SECURITY_CHAIN_ORDER + 1)
public class TenantRateLimitFilter implements WebFilter {

    /** Bucket of the tokens that grant no tenant at all: they can do nothing useful, they share one allowance. */
    static final String NO_TENANT = "-";

    private final TenantRateLimiter limiter;
    private final RejectionMetrics metrics;
    private final ProblemWriter problems;

    public TenantRateLimitFilter(TenantRateLimiter limiter, RejectionMetrics metrics, ProblemWriter problems) {
        this.limiter = limiter;
        this.metrics = metrics;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!limiter.enabled()) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> Optional.of(chargedTenant(((JwtAuthenticationToken) principal).getToken(),
                        exchange.getRequest().getHeaders().getFirst(HttpContract.TENANT_HEADER))))
                .defaultIfEmpty(Optional.empty())
                .flatMap(tenant -> {
                    if (tenant.isEmpty()) {
                        return chain.filter(exchange);
                    }
                    TenantRateLimiter.Decision decision = limiter.acquire(tenant.get());
                    return decision.allowed() ? chain.filter(exchange) : refuse(exchange, decision);
                });
    }

    /**
     * The active tenant, as the services derive it: {@code X-Tenant-Id}, else the token's tenant. A token with
     * several tenants and no header is charged to the first one it lists, so that leaving the header out never
     * escapes the limit.
     */
    static String chargedTenant(Jwt token, String requested) {
        if (requested != null) {
            return requested;
        }
        if (token.getClaims().get(HttpContract.TENANTS_CLAIM) instanceof Collection<?> tenants
                && !tenants.isEmpty()) {
            return String.valueOf(tenants.iterator().next());
        }
        return NO_TENANT;
    }

    private Mono<Void> refuse(ServerWebExchange exchange, TenantRateLimiter.Decision decision) {
        long seconds = decision.retryAfterSeconds();
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return metrics.record(exchange, RejectionMetrics.Reason.RATE_LIMITED)
                .then(problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                        "Your collectivité sent too many requests; retry in " + seconds + " s"));
    }
}

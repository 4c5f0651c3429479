package fr.mutualis.gateway.security;

import fr.mutualis.contracts.HttpContract;
import fr.mutualis.gateway.error.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The active tenant ({@code X-Tenant-Id}) must be one the token lists in {@code tenants}, else 403. Without the
 * header the request passes unchanged: each service decides (e.g. a single-tenant token needs no header).
 * Runs inside the security chain, after authentication, so the JWT is at hand.
 */
public class TenantSelectionFilter implements WebFilter {

    private final ProblemWriter problems;

    public TenantSelectionFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> requested = exchange.getRequest().getHeaders().get(HttpContract.TENANT_HEADER);
        if (requested == null || requested.isEmpty()) {
            return chain.filter(exchange);
        }
        // Decided before anything runs: a switchIfEmpty after the chain or the 403 (both an empty Mono<Void>) would
        // run the rest of the chain again, twice for an allowed tenant and once after a refusal.
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .map(token -> token.getToken().getClaims().get(HttpContract.TENANTS_CLAIM))
                .map(claim -> firstNotIn(requested, claim instanceof Collection<?> tenants ? tenants : List.of()))
                // Anonymous request on an open path: the tenant header means nothing there.
                .defaultIfEmpty(Optional.empty())
                .flatMap(refused -> refused.isEmpty()
                        ? chain.filter(exchange)
                        : problems.write(exchange, HttpStatus.FORBIDDEN, "tenant-not-allowed", "Tenant not allowed",
                                "Tenant " + printable(refused.get()) + " is not one of the tenants of your token"));
    }

    private static Optional<String> firstNotIn(List<String> requested, Collection<?> tenants) {
        return requested.stream().filter(tenant -> !tenants.contains(tenant)).findFirst();
    }

    // The value is echoed in the problem: keep it short and plain.
    private static String printable(String tenant) {
        String cleaned = tenant.replaceAll("[^A-Za-z0-9_-]", "?");
        return cleaned.length() > 20 ? cleaned.substring(0, 20) + "..." : cleaned;
    }
}

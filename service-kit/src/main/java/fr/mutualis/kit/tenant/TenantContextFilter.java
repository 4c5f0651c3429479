package fr.mutualis.kit.tenant;

import fr.mutualis.contracts.HttpContract;
import fr.mutualis.kit.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Derives the {@link TenantContext} from the authenticated JWT: the active tenant is {@code X-Tenant-Id}
 * when given (it must be one of the token's {@code tenants}, else 403), or the token's only tenant.
 * A caller with several tenants and no header gets no context; endpoints that need one answer 400.
 */
public class TenantContextFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    public TenantContextFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken authentication)) {
            chain.doFilter(request, response);
            return;
        }
        Jwt jwt = authentication.getToken();
        List<String> tenants = stringList(jwt.getClaim(HttpContract.TENANTS_CLAIM));
        List<String> roles = stringList(jwt.getClaim(HttpContract.ROLES_CLAIM));
        String requested = request.getHeader(HttpContract.TENANT_HEADER);
        String active;
        if (requested != null && !requested.isBlank()) {
            if (!tenants.contains(requested.trim())) {
                problems.write(request, response, HttpStatus.FORBIDDEN, "tenant-not-allowed", "Tenant not allowed",
                        "The token does not allow acting for tenant " + requested.trim());
                return;
            }
            active = requested.trim();
        } else {
            active = tenants.size() == 1 ? tenants.getFirst() : null;
        }
        String name = Objects.requireNonNullElse(jwt.getClaimAsString("name"), jwt.getSubject());
        TenantContextHolder.set(new TenantContext(active, jwt.getSubject(), name, tenants, roles));
        try {
            chain.doFilter(request, response);
        } finally {
            TenantContextHolder.clear();
        }
    }

    private static List<String> stringList(Object claim) {
        if (claim instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}

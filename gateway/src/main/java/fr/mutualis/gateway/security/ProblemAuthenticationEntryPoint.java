package fr.mutualis.gateway.security;

import fr.mutualis.gateway.error.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 as problem+json with the RFC 6750 {@code WWW-Authenticate} challenge (Spring's bearer entry point only sets
 * the header and leaves the body empty).
 */
public class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ProblemWriter problems;

    public ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        String challenge = "Bearer";
        String detail = "A bearer token is required";
        if (ex instanceof OAuth2AuthenticationException oauth) {
            OAuth2Error error = oauth.getError();
            challenge = "Bearer error=\"" + error.getErrorCode() + "\"";
            if (error.getDescription() != null) {
                challenge += ", error_description=\"" + sanitize(error.getDescription()) + "\"";
            }
            detail = "The bearer token is invalid or expired";
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", detail);
    }

    // Header values must stay a single quoted-string.
    private static String sanitize(String description) {
        String cleaned = description.replaceAll("[\"\\\\\\r\\n]", "'");
        return cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
    }
}

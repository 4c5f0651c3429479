package fr.mutualis.gateway.error;

import fr.mutualis.gateway.web.CorrelationIdFilter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;

/**
 * Writes {@code application/problem+json} answers for everything the gateway itself decides (401, 403, 413,
 * 503...), so that clients never get an HTML or empty error body.
 */
@Component
public class ProblemWriter {

    private final JsonMapper jsonMapper;

    public ProblemWriter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String title, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Problem problem = new Problem(URI.create(Problem.TYPE_BASE + slug), title, status.value(), detail,
                instance(exchange), exchange.getAttribute(CorrelationIdFilter.ATTRIBUTE));
        byte[] body = jsonMapper.writeValueAsBytes(problem);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    // The path the client asked for, not the internal /fallback/... one a circuit breaker forwarded to.
    private static String instance(ServerWebExchange exchange) {
        String original = exchange.getAttribute(CorrelationIdFilter.ORIGINAL_PATH_ATTRIBUTE);
        return original != null ? original : exchange.getRequest().getPath().value();
    }
}

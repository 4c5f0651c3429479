package fr.mutualis.gateway.error;

import fr.mutualis.contracts.HttpContract;
import fr.mutualis.gateway.web.CorrelationIdFilter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;

/**
 * Writes {@code application/problem+json} answers for everything the gateway itself decides (401, 403, 413,
 * 503...), so that clients never get an HTML or empty error body. The body is Spring's {@link ProblemDetail}, as
 * in the services; {@code correlationId} is an extension member so that support can find the logs.
 */
@Component
public class ProblemWriter {

    private final JsonMapper jsonMapper;

    public ProblemWriter(JsonMapper jsonMapper) {
        // Boot's mapper carries Spring's ProblemDetail mixin: extension members at the top level, empty ones left out.
        this.jsonMapper = jsonMapper;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String title, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(HttpContract.problemType(slug));
        problem.setTitle(title);
        problem.setInstance(instance(exchange));
        String correlationId = exchange.getAttribute(CorrelationIdFilter.ATTRIBUTE);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        byte[] body = jsonMapper.writeValueAsBytes(problem);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    // The path the client asked for, not the internal /fallback/... one a circuit breaker forwarded to.
    private static URI instance(ServerWebExchange exchange) {
        String original = exchange.getAttribute(CorrelationIdFilter.ORIGINAL_PATH_ATTRIBUTE);
        return URI.create(original != null ? original : exchange.getRequest().getPath().value());
    }
}

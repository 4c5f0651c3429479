package fr.mutualis.gateway.error;

import fr.mutualis.contracts.HttpContract;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.Optional;

/**
 * Writes {@code application/problem+json} answers for everything the gateway itself decides (401, 403, 413,
 * 503...), so that clients never get an HTML or empty error body. The body is Spring's {@link ProblemDetail}, as
 * in the services; {@code correlationId} and {@code traceId} are extension members so that support can find the
 * logs.
 */
@Component
public class ProblemWriter {

    /** Exchange attribute: the request's correlation id, set by the first filter, named in every problem. */
    public static final String CORRELATION_ID_ATTRIBUTE = ProblemWriter.class.getName() + ".correlationId";
    /** Exchange attribute: the path the client asked for, the {@code instance} of problems written after a forward. */
    public static final String ORIGINAL_PATH_ATTRIBUTE = ProblemWriter.class.getName() + ".originalPath";

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
        String correlationId = exchange.getAttribute(CORRELATION_ID_ATTRIBUTE);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        traceId(exchange).ifPresent(traceId -> problem.setProperty("traceId", traceId));
        byte[] body = jsonMapper.writeValueAsBytes(problem);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    // The request's observation is kept on the exchange by Spring WebFlux; its span holds the trace, continued from
    // the client's traceparent when there was one.
    private static Optional<String> traceId(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(span -> span.context().traceId());
    }

    // The path the client asked for, not the internal /fallback/... one a circuit breaker forwarded to.
    private static URI instance(ServerWebExchange exchange) {
        String original = exchange.getAttribute(ORIGINAL_PATH_ATTRIBUTE);
        return URI.create(original != null ? original : exchange.getRequest().getPath().value());
    }
}

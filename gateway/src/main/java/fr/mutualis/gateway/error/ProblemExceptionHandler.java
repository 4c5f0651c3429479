package fr.mutualis.gateway.error;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Renders errors that escape the routes (unknown path, oversized body, gateway bug) as problem+json, never with a
 * stack trace. Ordered before Boot's default error handler (-1).
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter problems;

    public ProblemExceptionHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        if (ex instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            if (status == null) {
                status = HttpStatus.INTERNAL_SERVER_ERROR;
            }
            String detail = rse.getReason() != null ? rse.getReason() : status.getReasonPhrase();
            Mono<Void> problem = problems.write(exchange, status, slug(status), status.getReasonPhrase(), detail);
            return status.is5xxServerError()
                    ? TracedLog.write(() -> log.warn("{} {} failed: {}", exchange.getRequest().getMethod(),
                            exchange.getRequest().getPath(), ex.toString())).then(problem)
                    : problem;
        }
        return TracedLog.write(() -> log.error("{} {} failed", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), ex))
                .then(problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                        "An unexpected error occurred in the gateway"));
    }

    private static String slug(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case CONTENT_TOO_LARGE -> "payload-too-large";
            case UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE, BAD_REQUEST -> "invalid-request";
            case SERVICE_UNAVAILABLE -> "service-unavailable";
            case GATEWAY_TIMEOUT -> "gateway-timeout";
            default -> status.is4xxClientError() ? "invalid-request" : "internal-error";
        };
    }
}

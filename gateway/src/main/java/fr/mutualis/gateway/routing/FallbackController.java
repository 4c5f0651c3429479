package fr.mutualis.gateway.routing;

import fr.mutualis.gateway.error.ProblemWriter;
import fr.mutualis.gateway.error.TracedLog;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.regex.Pattern;

/**
 * Target of the routes' circuit-breaker {@code fallbackUri: forward:/fallback/<context>}: reached when the service
 * refused the connection, timed out or its circuit is open. Answers at once with a 503 problem instead of letting
 * the client hang or see a raw 500. Requested directly, it answers 404 like any unknown path.
 */
@Hidden
@RestController
public class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);
    private static final Pattern CONTEXT = Pattern.compile("[a-z][a-z-]{0,31}");

    private final ProblemWriter problems;

    public FallbackController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("/fallback/{context}")
    public Mono<Void> fallback(@PathVariable String context, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        // The circuit breaker sets this attribute before it forwards here; a client cannot. Called directly, the
        // fallback is no resource, rather than a 503 that a caller could take for an outage.
        if (cause == null || !CONTEXT.matcher(context).matches()) {
            return problems.write(exchange, HttpStatus.NOT_FOUND, "not-found", "Not Found", "No such resource");
        }
        return TracedLog.write(() -> log.warn("{}-service unavailable: {}", context, cause.toString()))
                .then(problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                        "Service unavailable", context + "-service is unavailable"));
    }
}

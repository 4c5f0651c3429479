package fr.mutualis.gateway.web;

import fr.mutualis.contracts.HttpContract;
import fr.mutualis.gateway.error.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an {@code X-Correlation-Id}: the client's when it is sane, else a new UUID. The id is
 * forwarded to the service and echoed on the response (401/403/503 included, hence first in the chain), for the
 * clients that rely on it. Following a request through the logs is the W3C trace's job (Micrometer Tracing: the
 * {@code traceparent} header in and out, the trace id in every log line and problem).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter implements WebFilter {


    // Bounded and log-safe: no spaces, quotes or newlines can reach the logs or the services.
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String correlationId = saneOrNew(exchange.getRequest().getHeaders().getFirst(HttpContract.CORRELATION_HEADER));
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> headers.set(HttpContract.CORRELATION_HEADER, correlationId))
                .build();
        ServerWebExchange mutated = exchange.mutate().request(request).build();
        mutated.getAttributes().put(ProblemWriter.CORRELATION_ID_ATTRIBUTE, correlationId);
        mutated.getAttributes().put(ProblemWriter.ORIGINAL_PATH_ATTRIBUTE, request.getPath().value());
        // beforeCommit: the routing filter copies the service's headers onto the response, ours must win.
        mutated.getResponse().beforeCommit(() -> {
            mutated.getResponse().getHeaders().set(HttpContract.CORRELATION_HEADER, correlationId);
            return Mono.empty();
        });
        return chain.filter(mutated);
    }

    static String saneOrNew(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}

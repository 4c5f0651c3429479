package fr.mutualis.gateway.web;

import fr.mutualis.gateway.config.GatewayLimitsProperties;
import fr.mutualis.gateway.error.ProblemWriter;
import fr.mutualis.gateway.metrics.RejectionMetrics;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Rejects a request whose declared {@code Content-Length} is over the limit with 413, before authentication: the
 * header alone decides, the body is never read. Chunked bodies declare no length: {@link ChunkedBodyLimitFilter}
 * measures them once the caller is authenticated.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestSizeLimitFilter implements WebFilter {

    private final long maxBytes;
    private final RejectionMetrics metrics;
    private final ProblemWriter problems;

    public RequestSizeLimitFilter(GatewayLimitsProperties limits, RejectionMetrics metrics, ProblemWriter problems) {
        this.maxBytes = limits.maxRequestSize().toBytes();
        this.metrics = metrics;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getHeaders().getContentLength() > maxBytes) {
            return tooLarge(exchange, metrics, problems, maxBytes);
        }
        return chain.filter(exchange);
    }

    static Mono<Void> tooLarge(ServerWebExchange exchange, RejectionMetrics metrics, ProblemWriter problems,
                               long maxBytes) {
        return metrics.record(exchange, RejectionMetrics.Reason.PAYLOAD_TOO_LARGE)
                .then(problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                        "Payload too large", "The request body exceeds the limit of " + maxBytes + " bytes"));
    }
}

package fr.mutualis.gateway.web;

import fr.mutualis.gateway.config.GatewayLimitsProperties;
import fr.mutualis.gateway.error.ProblemWriter;
import fr.mutualis.gateway.metrics.RejectionMetrics;
import fr.mutualis.gateway.security.SecurityConfig;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * A chunked body declares no length, so it is read up to the limit before the request goes on: an oversized one
 * answers 413 without a single byte reaching a service (streamed, the service would already have received a
 * truncated request). The complete body is then relayed with its {@code Content-Length}.
 *
 * <p>Runs after authentication and the tenant rate limit, so that only authenticated, non-throttled callers make
 * the gateway hold a body, and at most {@code mutualis.gateway.max-request-size} of it. A request with neither
 * {@code Content-Length} nor {@code Transfer-Encoding} has no body (RFC 9112, 6.3) and passes untouched.
 */
@Component
@Order(SecurityConfig.SECURITY_CHAIN_ORDER + 2)
public class ChunkedBodyLimitFilter implements WebFilter {

    private final int maxBytes;
    private final RejectionMetrics metrics;
    private final ProblemWriter problems;

    public ChunkedBodyLimitFilter(GatewayLimitsProperties limits, RejectionMetrics metrics, ProblemWriter problems) {
        this.maxBytes = (int) limits.maxRequestSize().toBytes();
        this.metrics = metrics;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (headers.getContentLength() >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), maxBytes)
                .map(joined -> Optional.of(copyAndRelease(joined)))
                .defaultIfEmpty(Optional.of(new byte[0]))
                .onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.just(Optional.empty()))
                .flatMap(body -> body.isPresent()
                        ? chain.filter(exchange.mutate().request(withBody(exchange.getRequest(), body.get())).build())
                        : RequestSizeLimitFilter.tooLarge(exchange, metrics, problems, maxBytes));
    }

    // Heap copy: the pooled network buffers go back at once, and nothing leaks if the body is never relayed.
    private static byte[] copyAndRelease(DataBuffer joined) {
        try {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(joined);
        }
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body) {
        ServerHttpRequest withLength = request.mutate()
                .headers(headers -> {
                    headers.remove(HttpHeaders.TRANSFER_ENCODING);
                    headers.setContentLength(body.length);
                })
                .build();
        return new ServerHttpRequestDecorator(withLength) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
            }
        };
    }
}

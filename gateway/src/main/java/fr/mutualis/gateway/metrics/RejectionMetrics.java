package fr.mutualis.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts the requests the gateway refuses on its own (rate limit, body size) as
 * {@code mutualis.gateway.requests.rejected{reason, route}}. The route tag is the id of the route the request
 * would have taken, or {@code none}: bounded by the configured routes. No tenant tag, since tenants are not bounded.
 */
@Component
public class RejectionMetrics {

    public static final String METER = "mutualis.gateway.requests.rejected";
    public static final String NO_ROUTE = "none";

    private final MeterRegistry registry;
    private final RouteLocator routes;

    public RejectionMetrics(MeterRegistry registry, RouteLocator routes) {
        this.registry = registry;
        this.routes = routes;
    }

    /** Counts one refused request, once its route is known. */
    public Mono<Void> record(ServerWebExchange exchange, Reason reason) {
        return routeOf(exchange)
                .doOnNext(route -> counter(reason, route).increment())
                .then();
    }

    public Counter counter(Reason reason, String route) {
        return Counter.builder(METER)
                .description("Requests refused by the gateway before reaching a service")
                .tag("reason", reason.tag())
                .tag("route", route)
                .register(registry);
    }

    // Refusals happen in web filters, before the gateway picked a route: ask the routes' own predicates, in
    // their order, as the gateway's handler mapping would.
    private Mono<String> routeOf(ServerWebExchange exchange) {
        Route chosen = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (chosen != null) {
            return Mono.just(chosen.getId());
        }
        return routes.getRoutes()
                .concatMap(route -> Flux.from(route.getPredicate().apply(exchange))
                        .next()
                        .filter(Boolean::booleanValue)
                        .map(matched -> route.getId()))
                .next()
                .onErrorResume(e -> Mono.empty())
                .defaultIfEmpty(NO_ROUTE);
    }

    public enum Reason {
        RATE_LIMITED("rate-limited"),
        PAYLOAD_TOO_LARGE("payload-too-large");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }
}

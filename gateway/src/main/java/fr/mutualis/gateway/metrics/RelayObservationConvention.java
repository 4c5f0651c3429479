package fr.mutualis.gateway.metrics;

import org.springframework.cloud.gateway.filter.headers.observation.DefaultGatewayObservationConvention;
import org.springframework.stereotype.Component;

/**
 * Names the observation of each request the gateway relays to a service {@code mutualis.gateway.requests.relayed},
 * with Spring Cloud Gateway's tags (route id and URI, method, status). Under its default name,
 * {@code http.client.requests}, it clashed with the gateway's own web client (the JWK set, the services' API
 * documents), whose meters of that name have other tag keys: Prometheus keeps one set of keys per name, so every
 * relay's timer was refused at its first registration and the per-route relay times never reached a scrape.
 */
@Component
public class RelayObservationConvention extends DefaultGatewayObservationConvention {

    public static final String NAME = "mutualis.gateway.requests.relayed";

    @Override
    public String getName() {
        return NAME;
    }
}

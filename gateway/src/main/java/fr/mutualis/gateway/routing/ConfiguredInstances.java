package fr.mutualis.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import reactor.core.publisher.Flux;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The instances of each service the gateway balances over ({@code lb://portfolio} in a route), from configuration:
 * {@code mutualis.gateway.instances.portfolio=http://a:8081,http://b:8081} (or {@code MUTUALIS_ROUTES_PORTFOLIO_URI}
 * with the same comma-separated list). Spring Cloud LoadBalancer chooses among them round robin and drops an instance
 * whose {@code /actuator/health} does not answer 200 until it does again. In Kubernetes the list holds one address,
 * the service's, and the platform balances behind it.
 */
@ConfigurationProperties("mutualis.gateway")
public record ConfiguredInstances(Map<String, List<URI>> instances) implements ReactiveDiscoveryClient {

    public ConfiguredInstances {
        instances = instances == null ? Map.of() : Map.copyOf(instances);
    }

    @Override
    public String description() {
        return "Service instances configured in mutualis.gateway.instances";
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        List<URI> uris = instances.getOrDefault(serviceId, List.of());
        return Flux.range(0, uris.size())
                .map(index -> {
                    URI uri = uris.get(index);
                    boolean secure = "https".equals(uri.getScheme());
                    int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
                    return new DefaultServiceInstance(serviceId + "-" + index, serviceId, uri.getHost(), port, secure);
                });
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(instances.keySet());
    }
}

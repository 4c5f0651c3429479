package fr.mutualis.gateway.routing;

import fr.mutualis.contracts.openapi.ApiDocuments;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform's whole API as one OpenAPI document, {@code /v3/api-docs/mutualis}: the documented contexts' documents
 * (the four services' and the reporting job's), fetched at {@code /v3/api-docs} of the application the context's API
 * route ({@code <context>}) sends to, merged as the committed
 * {@code contracts/.../openapi/mutualis.json} is ({@link ApiDocuments#aggregate}). A service that does not answer
 * makes it a 503 rather than a document missing its operations. A document, not an operation of the API: hidden
 * from the gateway's own document.
 */
@Hidden
@RestController
public class AggregatedApiDocs {

    public static final String PATH = "/v3/api-docs/" + ApiDocuments.AGGREGATED;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final RouteLocator routes;
    private final WebClient client;

    public AggregatedApiDocs(RouteLocator routes, ReactorLoadBalancerExchangeFilterFunction loadBalancer) {
        this.routes = routes;
        // Routes name a service (lb://portfolio): this client picks one of its healthy instances the same way.
        this.client = WebClient.builder().filter(loadBalancer).build();
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<String> aggregated() {
        return Flux.fromIterable(ApiDocuments.CONTEXTS)
                .concatMap(context -> serviceUri(context).flatMap(uri -> client.get()
                        .uri(documentOf(uri)).retrieve().bodyToMono(String.class).timeout(TIMEOUT)
                        .map(text -> Map.entry(context, ApiDocuments.parse(text)))))
                .collectList()
                .map(entries -> {
                    Map<String, JsonNode> documents = new LinkedHashMap<>();
                    entries.forEach(entry -> documents.put(entry.getKey(), entry.getValue()));
                    if (documents.size() != ApiDocuments.CONTEXTS.size()) {
                        throw unavailable(null);
                    }
                    return ApiDocuments.text(ApiDocuments.aggregate(documents));
                })
                .onErrorMap(error -> !(error instanceof ResponseStatusException), AggregatedApiDocs::unavailable);
    }

    private Mono<URI> serviceUri(String context) {
        // The API route, which every context has (the reporting job has no route of its own document).
        return routes.getRoutes().filter(route -> route.getId().equals(context)).next().map(Route::getUri);
    }

    /** A route's {@code lb://portfolio} names the service; the load-balanced client resolves {@code http://portfolio}. */
    private static URI documentOf(URI routeUri) {
        return URI.create("http://" + routeUri.getHost() + "/v3/api-docs");
    }

    private static ResponseStatusException unavailable(Throwable cause) {
        return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                "A service's OpenAPI document could not be read", cause);
    }
}

package fr.mutualis.gateway.routing;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Every path that is not the platform's API ({@code /api/**}), an OpenAPI document or the gateway's actuator goes to
 * the console (ARCHITECTURE.md §9), so that a person opens the gateway's root. The console authenticates people
 * itself. The gateway keeps the browser's {@code Host} and adds {@code Forwarded}/{@code X-Forwarded-*} for clients
 * connecting from {@code spring.cloud.gateway.server.webflux.trusted-proxies}: the console builds its public URLs
 * (redirects to the issuer and back) from them.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleRoute {

    /** Paths the gateway itself answers or routes to the services: never the console's. */
    public static final String[] PLATFORM_PATHS = {"/api/**", "/v3/api-docs/**", "/actuator/**"};

    @Bean
    RouteLocator consoleRouteLocator(RouteLocatorBuilder routes) {
        return routes.routes()
                .route("console", route -> route
                        .order(Ordered.LOWEST_PRECEDENCE)
                        .not(path -> path.path(PLATFORM_PATHS))
                        // The console's redirect URIs must name the gateway's host, as the browser saw it.
                        .filters(filters -> filters.preserveHostHeader())
                        // The console's instances (mutualis.gateway.instances.console) share their sessions in its database.
                        .uri("lb://console"))
                .build();
    }
}

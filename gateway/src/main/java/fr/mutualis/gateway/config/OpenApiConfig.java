package fr.mutualis.gateway.config;

import io.swagger.v3.oas.models.OpenAPI;
import fr.mutualis.gateway.routing.AggregatedApiDocs;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;
import java.util.List;

/**
 * Names the gateway's own OpenAPI document, points readers to the services' documents it routes, and states the
 * limits every request is subject to, with the values in force.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    @Bean
    OpenAPI gatewayOpenApi(GatewayLimitsProperties limits, GatewaySecurityProperties security,
                           @Value("${mutualis.openapi.server-url:http://localhost:8080}") String publicUrl) {
        return new OpenAPI().info(new Info()
                        .title("Mutualis gateway")
                        .version("v1")
                        .license(new License().name("Proprietary").url("https://mutualis.fr/licence"))
                        .description(description(limits, security)))
                .servers(List.of(new Server().url(publicUrl).description("The Mutualis gateway")));
    }

    static String description(GatewayLimitsProperties limits, GatewaySecurityProperties security) {
        GatewayLimitsProperties.RateLimit rate = limits.rateLimit();
        String rateLimit = rate.enabled()
                ? "Each collectivité (the active tenant: X-Tenant-Id, else the token's tenant) may send "
                        + rate.burstCapacity() + " requests at once, then "
                        + BigDecimal.valueOf(rate.replenishRate()).stripTrailingZeros().toPlainString()
                        + " more per second; beyond that the gateway answers 429 with a Retry-After header "
                        + "(seconds). Other collectivités are not affected."
                : "No per-tenant rate limit is applied by this gateway.";
        String audience = security.checksAudience()
                ? " and its aud claim must contain " + security.audience()
                : "";
        return "Entry point of the Mutualis API. Each context's API is documented by its service at "
                + "/v3/api-docs/portfolio, /v3/api-docs/budget, /v3/api-docs/governance and "
                + "/v3/api-docs/evaluation, and all four as one at " + AggregatedApiDocs.PATH
                + ". Errors are RFC 9457 application/problem+json.\n\n"
                + "Limits: a request body may not exceed " + limits.maxRequestSize().toBytes()
                + " bytes (413 otherwise, chunked bodies included). " + rateLimit + "\n\n"
                + "Authentication: a bearer JWT (RS256) of the configured issuer, not expired, with a tenants claim"
                + audience + "; otherwise 401. An X-Tenant-Id that is not one of the token's tenants answers 403.";
    }
}

package fr.mutualis.gateway.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Names the gateway's own OpenAPI document and points readers to the services' documents it routes. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Mutualis gateway")
                .version("v1")
                .description("Entry point of the Mutualis API. Each context's API is documented by its service at "
                        + "/v3/api-docs/portfolio, /v3/api-docs/budget, /v3/api-docs/governance and "
                        + "/v3/api-docs/evaluation. Errors are RFC 9457 application/problem+json."));
    }
}

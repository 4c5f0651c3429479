package fr.mutualis.reporting.api;

import fr.mutualis.kit.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** What the kit's security refusals (401, 403 as problem+json) need, without the rest of the services' web layer. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    ProblemResponses problemResponses(JsonMapper jsonMapper) {
        return new ProblemResponses(jsonMapper);
    }
}

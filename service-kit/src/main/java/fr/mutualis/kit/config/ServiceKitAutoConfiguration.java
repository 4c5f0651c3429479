package fr.mutualis.kit.config;

import fr.mutualis.kit.integration.KafkaIntegrationConfiguration;
import fr.mutualis.kit.mutualisation.MutualisationDirectoryConfiguration;
import fr.mutualis.kit.security.ServiceSecurityConfiguration;
import fr.mutualis.kit.tenant.TenantContextArgumentResolver;
import fr.mutualis.kit.tenant.TenantScopedDataSourcePostProcessor;
import fr.mutualis.kit.web.CorrelationIdFilter;
import fr.mutualis.kit.web.ProblemDetailsHandler;
import fr.mutualis.kit.web.ProblemResponses;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** What a Mutualis service gets by depending on service-kit. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ServiceSecurityConfiguration.class, KafkaIntegrationConfiguration.class,
        MutualisationDirectoryConfiguration.class, ProblemDetailsHandler.class})
public class ServiceKitAutoConfiguration {

    /** Row-level security's input: the request's tenant on every connection (see TenantScopedDataSource). */
    @Bean
    @ConditionalOnProperty(name = "mutualis.security.row-level-security", havingValue = "true", matchIfMissing = true)
    static TenantScopedDataSourcePostProcessor tenantScopedDataSourcePostProcessor() {
        return new TenantScopedDataSourcePostProcessor();
    }

    @Bean
    ProblemResponses problemResponses(JsonMapper jsonMapper) {
        return new ProblemResponses(jsonMapper);
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    WebMvcConfigurer tenantContextArgumentResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new TenantContextArgumentResolver());
            }
        };
    }
}

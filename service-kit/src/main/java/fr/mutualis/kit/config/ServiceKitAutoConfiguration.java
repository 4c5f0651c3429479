package fr.mutualis.kit.config;

import fr.mutualis.kit.integration.KafkaIntegrationConfiguration;
import fr.mutualis.kit.mutualisation.MutualisationDirectoryConfiguration;
import fr.mutualis.kit.reference.PublishedReferencesConfiguration;
import fr.mutualis.kit.rebuild.ReadModelRebuild;
import fr.mutualis.kit.security.ServiceSecurityConfiguration;
import fr.mutualis.kit.tenant.TenantContextArgumentResolver;
import fr.mutualis.kit.tenant.TenantScopedDataSourcePostProcessor;
import fr.mutualis.kit.web.CorrelationIdFilter;
import fr.mutualis.kit.web.ProblemDetailsHandler;
import fr.mutualis.kit.web.ProblemResponses;
import fr.mutualis.kit.web.ReadModelRebuildController;
import fr.mutualis.kit.web.WriteAdmissionFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
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

import java.time.Duration;
import java.util.List;

/** What a Mutualis service gets by depending on service-kit. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ServiceSecurityConfiguration.class, KafkaIntegrationConfiguration.class,
        MutualisationDirectoryConfiguration.class, PublishedReferencesConfiguration.class, ProblemDetailsHandler.class})
public class ServiceKitAutoConfiguration {

    /** Row-level security's input: the request's tenant on every connection (see TenantScopedDataSource). */
    @Bean
    @ConditionalOnProperty(name = "mutualis.security.row-level-security", havingValue = "true", matchIfMissing = true)
    static TenantScopedDataSourcePostProcessor tenantScopedDataSourcePostProcessor() {
        return new TenantScopedDataSourcePostProcessor();
    }

    @Bean
    ReadModelRebuildController readModelRebuildController(ReadModelRebuild rebuild) {
        return new ReadModelRebuildController(rebuild);
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

    /** After security (order -100): an unauthenticated request never takes a write's turn. */
    @Bean
    FilterRegistrationBean<WriteAdmissionFilter> writeAdmissionFilter(
            @Value("${mutualis.web.max-concurrent-writes:6}") int maxConcurrentWrites,
            @Value("${mutualis.web.write-admission-wait:5s}") Duration admissionWait,
            ProblemResponses problems, ObjectProvider<MeterRegistry> meters) {
        FilterRegistrationBean<WriteAdmissionFilter> registration = new FilterRegistrationBean<>(new WriteAdmissionFilter(
                maxConcurrentWrites, admissionWait, problems, meters.getIfAvailable(SimpleMeterRegistry::new)));
        registration.setOrder(0);
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

package fr.mutualis.kit.config;

import fr.mutualis.kit.integration.KafkaIntegrationConfiguration;
import fr.mutualis.kit.mutualisation.MutualisationDirectoryConfiguration;
import fr.mutualis.kit.openapi.ApiDocumentConfiguration;
import fr.mutualis.kit.reference.PublishedReferencesConfiguration;
import fr.mutualis.kit.rebuild.ReadModelRebuild;
import fr.mutualis.kit.rebuild.ReadModelRebuildController;
import fr.mutualis.kit.security.ServiceSecurityConfiguration;
import fr.mutualis.kit.tenant.TenantContextArgumentResolver;
import fr.mutualis.kit.tenant.CallerArgumentResolver;
import fr.mutualis.kit.tenant.Callers;
import fr.mutualis.kit.mutualisation.MutualisationDirectory;
import fr.mutualis.kit.tenant.TenantScopedDataSourcePostProcessor;
import fr.mutualis.kit.web.AsciiIntegerFormatter;
import fr.mutualis.kit.web.CorrelationIdFilter;
import fr.mutualis.kit.web.DateParameterGuard;
import fr.mutualis.kit.web.JsonRequestBodyFilter;
import fr.mutualis.kit.web.ContentLanguageAdvice;
import fr.mutualis.kit.web.ProblemDetailsHandler;
import fr.mutualis.kit.web.ProblemErrorController;
import fr.mutualis.kit.web.ProblemErrorReportValve;
import fr.mutualis.kit.web.ProblemResponses;
import fr.mutualis.kit.web.WriteAdmissionFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** What a Mutualis service gets by depending on service-kit. */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ServiceSecurityConfiguration.class, KafkaIntegrationConfiguration.class,
        MutualisationDirectoryConfiguration.class, PublishedReferencesConfiguration.class, ProblemDetailsHandler.class,
        ContentLanguageAdvice.class,
        AsciiIntegerFormatter.Binding.class, ApiDocumentConfiguration.class})
public class ServiceKitAutoConfiguration {

    /** Message converters of data formats other than JSON, by class name (see the MVC configurer below). */
    private static final Pattern OTHER_DATA_FORMATS = Pattern.compile("Yaml|Xml|Cbor|Smile|Protobuf");

    /** Row-level security's input: the request's tenant on every connection (see TenantScopedDataSource). */
    @Bean
    @ConditionalOnProperty(name = "mutualis.security.row-level-security", havingValue = "true", matchIfMissing = true)
    static TenantScopedDataSourcePostProcessor tenantScopedDataSourcePostProcessor() {
        return new TenantScopedDataSourcePostProcessor();
    }

    /** Query and path parameters that are dates stay within the platform's range, like dates in a body. */
    @Bean
    static DateParameterGuard dateParameterGuard() {
        return new DateParameterGuard();
    }

    @Bean
    ReadModelRebuildController readModelRebuildController(ReadModelRebuild rebuild) {
        return new ReadModelRebuildController(rebuild);
    }

    @Bean
    ProblemResponses problemResponses(JsonMapper jsonMapper) {
        return new ProblemResponses(jsonMapper);
    }

    /** Replaces Boot's {@code BasicErrorController}: container errors are problems too. */
    @Bean
    ProblemErrorController problemErrorController(ProblemResponses problems) {
        return new ProblemErrorController(problems);
    }

    /** Tomcat's own refusals (before any servlet) as problem+json instead of its HTML page. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE) // after Boot's customizer, which installs an ErrorReportValve of its own
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                // The host adds a valve of this class at start when none is there yet.
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                host.getPipeline().addValve(new ProblemErrorReportValve());
            }
        });
    }

    /**
     * Duplicate keys in a JSON body are refused (Jackson keeps the last one silently, so what a filter or a log saw
     * may not be what the service stored).
     */
    @Bean
    JsonMapperBuilderCustomizer strictDuplicateDetection() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
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

    /** After security, so that an unauthenticated request gets its 401 first; before a write is admitted. */
    @Bean
    FilterRegistrationBean<JsonRequestBodyFilter> jsonRequestBodyFilter(ProblemResponses problems) {
        FilterRegistrationBean<JsonRequestBodyFilter> registration =
                new FilterRegistrationBean<>(new JsonRequestBodyFilter(problems));
        registration.setOrder(-50);
        return registration;
    }

    /** Named apart from the services' own beans: a service may still have a component called {@code callers}. */
    @Bean
    Callers tenantCallers(MutualisationDirectory directory) {
        return new Callers(directory);
    }

    @Bean
    WebMvcConfigurer tenantContextArgumentResolverConfigurer(Callers callers) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new TenantContextArgumentResolver());
                resolvers.add(new CallerArgumentResolver(callers));
            }

            /*
             * Bodies are JSON only. Spring registers a converter per data format found on the classpath, and
             * springdoc brings Jackson 2's YAML module: application/yaml bodies were read by a Jackson 2 mapper
             * without this service's settings (fractional cents truncated, 1e2 taken as 100).
             */
            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
                builder.configureMessageConvertersList(converters -> converters.removeIf(converter ->
                        OTHER_DATA_FORMATS.matcher(converter.getClass().getSimpleName()).find()));
            }
        };
    }
}

package fr.mutualis.evaluation.config;

import fr.mutualis.evaluation.query.BarometerClassifier;
import fr.mutualis.evaluation.query.BarometerProjection;
import fr.mutualis.evaluation.query.IndicatorProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/** The clock dates are read from (French collectivités: Paris time) and the barometer's settings. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class EvaluationConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Europe/Paris"));
    }

    /**
     * Evaluation's projections start from the tail of the event store when they have no token (first start, or a
     * rebuild). Axon's default starts with a ReplayToken, which the Jackson 3 serializer configured by service-kit
     * cannot read back from the token store (its polymorphic type validator refuses the token's Object context).
     */
    @Bean
    ConfigurerModule projectionsStartFromTheTail() {
        return configurer -> configurer.eventProcessing(processing -> {
            for (String processor : List.of(IndicatorProjection.GROUP, BarometerProjection.GROUP)) {
                processing.registerPooledStreamingEventProcessorConfiguration(processor,
                        (config, builder) -> builder.initialToken(StreamableMessageSource::createTailToken));
            }
        });
    }

    /**
     * Dashboards and barometers are computed on each read: their ETag is a hash of the answer (If-None-Match then
     * answers 304). Indicators and self-assessments carry their version as ETag instead, which this filter keeps.
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> computedViewsEtag() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/evaluation/dashboard", "/api/evaluation/barometer", "/api/evaluation/barometer/*");
        return registration;
    }

    @Bean
    BarometerClassifier barometerClassifier(
            @Value("${mutualis.barometer.axes-threshold:" + BarometerClassifier.DEFAULT_AXES_THRESHOLD + "}") int axesThreshold) {
        return new BarometerClassifier(axesThreshold);
    }
}

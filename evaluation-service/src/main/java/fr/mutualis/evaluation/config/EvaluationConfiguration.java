package fr.mutualis.evaluation.config;

import fr.mutualis.evaluation.query.BarometerClassifier;
import fr.mutualis.kit.axon.MovedEventTypes;
import fr.mutualis.kit.time.FrenchTime;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

import java.time.Clock;

/**
 * The clock dates are read from (French collectivités: Paris time), the barometer's settings, and the upcaster that
 * reads events stored before they moved to {@code messages}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class EvaluationConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(FrenchTime.ZONE);
    }

    /**
     * Dashboards, barometers and the indicator list are computed on each read: their ETag is a hash of the answer
     * (If-None-Match then answers 304). An indicator and a self-assessment carry their version as ETag instead, which
     * this filter keeps.
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> computedViewsEtag() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/evaluation/dashboard", "/api/evaluation/barometer", "/api/evaluation/barometer/*",
                "/api/evaluation/indicators");
        return registration;
    }

    @Bean
    BarometerClassifier barometerClassifier(
            @Value("${mutualis.barometer.axes-threshold:" + BarometerClassifier.DEFAULT_AXES_THRESHOLD + "}") int axesThreshold) {
        return new BarometerClassifier(axesThreshold);
    }

    /** The domain events left {@code command} for {@code messages}: the event store still names them by the old package. */
    @Bean
    EventUpcaster movedEvents() {
        return new MovedEventTypes("fr.mutualis.evaluation.command", "fr.mutualis.evaluation.messages");
    }
}

package fr.mutualis.portfolio.config;

import fr.mutualis.portfolio.PortfolioServiceTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.springboot.autoconfig.AxonTimeoutAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work the service kit spares every command, found in the platform benchmark's flight recordings
 * (docs/benchmarks.md): each was a sizeable part of a command's CPU and bought nothing the platform uses.
 */
class CommandOverheadTest extends PortfolioServiceTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private MeterRegistry meters;

    /** With none configured they limit nothing, but each handler call and unit of work captured the whole stack. */
    @Test
    void noHandlerNorUnitOfWorkIsWrappedInAxonsTimeLimits() {
        assertThat(context.getBeanNamesForType(HandlerTimeoutHandlerEnhancerDefinition.class))
                .as("per-handler time limits").isEmpty();
        assertThat(context.getBeanNamesForType(AxonTimeoutAutoConfiguration.class))
                .as("time limits on the buses' and processors' units of work").isEmpty();
    }

    /** The request's own observation keeps its trace and timing; one per security filter only cost CPU. */
    @Test
    void aCommandRecordsNoObservationPerSecurityFilter() {
        proposeProject(createRoadmap(VALMONT_AGENT), VALMONT_AGENT);

        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .contains("http.server.requests")
                .noneMatch(name -> name.startsWith("spring.security."));
    }
}

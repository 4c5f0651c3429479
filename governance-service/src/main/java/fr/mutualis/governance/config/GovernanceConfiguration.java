package fr.mutualis.governance.config;

import fr.mutualis.kit.axon.MovedEventTypes;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring that belongs to no single package of the service. */
@Configuration(proxyBeanMethods = false)
public class GovernanceConfiguration {

    /** The domain events left {@code command} for {@code messages}: the event store still names them by the old package. */
    @Bean
    EventUpcaster movedEvents() {
        return new MovedEventTypes("fr.mutualis.governance.command", "fr.mutualis.governance.messages");
    }
}

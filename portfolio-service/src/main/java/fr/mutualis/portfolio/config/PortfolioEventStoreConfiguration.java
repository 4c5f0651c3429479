package fr.mutualis.portfolio.config;

import fr.mutualis.kit.axon.MovedEventTypes;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the event store reads what it holds: events stored before their classes left the {@code command} package. */
@Configuration(proxyBeanMethods = false)
class PortfolioEventStoreConfiguration {

    /**
     * Domain events were stored under {@code fr.mutualis.portfolio.command} until they moved to {@code messages}
     * (issue 17); a store written before reads them under their new name, payload unchanged.
     */
    @Bean
    EventUpcaster movedEvents() {
        return new MovedEventTypes("fr.mutualis.portfolio.command", "fr.mutualis.portfolio.messages");
    }
}

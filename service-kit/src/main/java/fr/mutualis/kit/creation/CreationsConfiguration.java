package fr.mutualis.kit.creation;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/** Idempotent and dry-run creations for every service with an event store. */
@AutoConfiguration(after = AxonAutoConfiguration.class)
@ConditionalOnBean(EventStore.class)
public class CreationsConfiguration {

    @Bean
    Creations creations(EventStore eventStore, PlatformTransactionManager transactionManager, JsonMapper jsonMapper) {
        return new Creations(eventStore, transactionManager, jsonMapper);
    }
}

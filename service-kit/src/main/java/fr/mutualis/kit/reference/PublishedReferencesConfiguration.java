package fr.mutualis.kit.reference;

import fr.mutualis.kit.integration.IntegrationEventInbox;
import fr.mutualis.kit.mutualisation.MutualisationDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;

/**
 * A service that names other contexts' objects in its writes lists their topics in {@code mutualis.references.topics}
 * (comma-separated); {@code mutualis.references.wait} bounds how long a write awaits a reference not yet read (3 s).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mutualis.references.topics")
public class PublishedReferencesConfiguration {

    @Bean
    PublishedReferences publishedReferences(JdbcClient jdbc, MutualisationDirectory mutualisations,
                                            @Value("${mutualis.references.wait:3s}") Duration wait) {
        return new PublishedReferences(jdbc, mutualisations, wait);
    }

    @Bean
    PublishedReferencesListener publishedReferencesListener(IntegrationEventInbox inbox, PublishedReferences references) {
        return new PublishedReferencesListener(inbox, references);
    }
}

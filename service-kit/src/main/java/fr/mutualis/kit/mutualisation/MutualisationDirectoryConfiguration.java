package fr.mutualis.kit.mutualisation;

import fr.mutualis.kit.collectivite.CollectiviteDirectory;
import fr.mutualis.kit.integration.IntegrationEventInbox;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every service learns the mutualisations and the collectivités from governance's events; governance, which owns
 * them, turns the listener off ({@code mutualis.mutualisation-directory.listen=false}) and may fill the directories
 * itself.
 */
@Configuration(proxyBeanMethods = false)
public class MutualisationDirectoryConfiguration {

    @Bean
    MutualisationDirectory mutualisationDirectory(JdbcClient jdbc) {
        return new MutualisationDirectory(jdbc);
    }

    @Bean
    CollectiviteDirectory collectiviteDirectory(JdbcClient jdbc) {
        return new CollectiviteDirectory(jdbc);
    }

    @Bean
    @ConditionalOnProperty(name = "mutualis.mutualisation-directory.listen", havingValue = "true", matchIfMissing = true)
    GovernanceDirectoryListener governanceDirectoryListener(IntegrationEventInbox inbox, MutualisationDirectory mutualisations,
                                                            CollectiviteDirectory collectivites) {
        return new GovernanceDirectoryListener(inbox, mutualisations, collectivites);
    }
}

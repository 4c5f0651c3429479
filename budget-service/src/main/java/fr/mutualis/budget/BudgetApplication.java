package fr.mutualis.budget;

import fr.mutualis.kit.axon.MovedEventTypes;
import fr.mutualis.kit.security.AllowedRolesConfiguration;
import fr.mutualis.kit.web.RequestBodyGuard;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The roles of each endpoint are documented and enforced from its {@code @AllowedRoles}; request bodies holding text
 * the database cannot store faithfully are refused.
 */
@SpringBootApplication
@Import({AllowedRolesConfiguration.class, RequestBodyGuard.class})
public class BudgetApplication {

    public static void main(String[] args) {
        SpringApplication.run(BudgetApplication.class, args);
    }

    /** Domain events stored before they moved from {@code command} to {@code messages} keep their old type names. */
    @Bean
    EventUpcaster movedEvents() {
        return new MovedEventTypes("fr.mutualis.budget.command", "fr.mutualis.budget.messages");
    }
}

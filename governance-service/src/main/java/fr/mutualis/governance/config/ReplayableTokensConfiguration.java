package fr.mutualis.governance.config;

import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Lets projections be rebuilt by replay. Resetting a processor stores a {@code ReplayToken}, whose context is a
 * polymorphic {@code Object}; Jackson 3's default validator refuses every subtype of {@code Object}, so the
 * processor could never read its token back and stopped. Axon's own types are allowed, nothing else.
 */
@Configuration(proxyBeanMethods = false)
public class ReplayableTokensConfiguration {

    @Bean
    Jackson3SerializerCustomizer replayableTokens() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .build());
    }
}

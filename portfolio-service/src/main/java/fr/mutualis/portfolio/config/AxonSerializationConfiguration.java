package fr.mutualis.portfolio.config;

import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Lets Axon's Jackson 3 serializer read back the token a reset leaves in the token store. Axon's {@code ReplayToken}
 * declares its reset context as a class-typed {@code Object}; Jackson 3's default validator refuses any polymorphic
 * {@code Object}, so a projection reset (the rebuild of the read models) would leave the processor unable to claim
 * its segments. Only Axon's and the JDK's types may be named in a serialized type id.
 */
@Configuration(proxyBeanMethods = false)
public class AxonSerializationConfiguration {

    @Bean
    Jackson3SerializerCustomizer replayTokenTypes() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("java.")
                .build());
    }
}

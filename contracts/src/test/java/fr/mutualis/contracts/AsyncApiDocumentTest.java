package fr.mutualis.contracts;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The AsyncAPI document is the contract for reporting jobs: it must describe exactly what is published. */
class AsyncApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyPublishedEventIsDocumentedWithItsFields() throws Exception {
        Map<String, Object> document;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi.yaml")) {
            document = new Yaml().load(in);
        }
        Map<String, Object> messages = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("messages");

        assertThat(messages.keySet())
                .containsExactlyInAnyOrderElementsOf(IntegrationEvents.ALL.stream().map(Class::getSimpleName).toList());

        for (Class<? extends Record> type : IntegrationEvents.ALL) {
            Map<String, Object> message = (Map<String, Object>) messages.get(type.getSimpleName());
            IntegrationEvent described = IntegrationEvents.describe(type);
            assertThat(message.get("name")).as(type.getSimpleName()).isEqualTo(described.type());
            assertThat(message.get("x-version")).as(type.getSimpleName()).isEqualTo(described.version());
            Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) message.get("payload")).get("properties");
            Set<String> fields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
            assertThat(properties.keySet()).as(type.getSimpleName()).containsExactlyInAnyOrderElementsOf(fields);
        }
    }

    @Test
    void everyEventTypeIsUniqueAndFound() {
        for (Class<? extends Record> type : IntegrationEvents.ALL) {
            IntegrationEvent described = IntegrationEvents.describe(type);
            assertThat(described.type()).matches("(portfolio|budget|governance|evaluation)\\.[A-Z][A-Za-z]+");
            assertThat(IntegrationEvents.payloadType(described.type(), described.version())).contains(type);
        }
    }
}

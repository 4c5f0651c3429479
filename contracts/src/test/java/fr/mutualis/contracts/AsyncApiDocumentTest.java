package fr.mutualis.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The AsyncAPI documents are the contract for reporting jobs: each must describe exactly what its topic carries. */
class AsyncApiDocumentTest {

    static List<String> topics() {
        return Topics.ALL;
    }

    @ParameterizedTest
    @MethodSource("topics")
    @SuppressWarnings("unchecked")
    void everyPublishedEventIsDocumentedWithItsFields(String topic) throws Exception {
        String context = topic.split("\\.")[1];
        Map<String, Object> document;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi/" + context + ".yaml")) {
            assertThat(in).as("asyncapi/" + context + ".yaml").isNotNull();
            document = new Yaml().load(in);
        }
        Map<String, Object> channel = (Map<String, Object>) ((Map<String, Object>) document.get("channels")).get(context);
        assertThat(channel.get("address")).isEqualTo(topic);
        Map<String, Object> messages = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("messages");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        List<Class<? extends Record>> published = IntegrationEvents.BY_TOPIC.get(topic);

        assertThat(messages.keySet()).containsExactlyInAnyOrderElementsOf(published.stream().map(Class::getSimpleName).toList());
        assertThat(((Map<String, Object>) channel.get("messages")).keySet()).isEqualTo(messages.keySet());

        for (Class<? extends Record> type : published) {
            Map<String, Object> message = (Map<String, Object>) messages.get(type.getSimpleName());
            IntegrationEvent described = IntegrationEvents.describe(type);
            assertThat(message.get("name")).as(type.getSimpleName()).isEqualTo(described.type());
            assertThat(message.get("x-version")).as(type.getSimpleName()).isEqualTo(described.version());
            // the record value is the envelope whose type, version and payload are this message's
            List<Map<String, Object>> allOf = (List<Map<String, Object>>) ((Map<String, Object>) message.get("payload")).get("allOf");
            assertThat(allOf.getFirst()).containsEntry("$ref", "common.yaml#/components/schemas/Envelope");
            Map<String, Object> envelopeFields = (Map<String, Object>) allOf.get(1).get("properties");
            assertThat(envelopeFields.get("type")).isEqualTo(Map.of("const", described.type()));
            assertThat(envelopeFields.get("version")).isEqualTo(Map.of("const", described.version()));
            assertThat(envelopeFields.get("payload")).isEqualTo(Map.of("$ref", "#/components/schemas/" + type.getSimpleName()));
            Map<String, Object> schema = (Map<String, Object>) schemas.get(type.getSimpleName());
            Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
            List<String> fields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
            assertThat(properties.keySet()).as(type.getSimpleName()).containsExactlyInAnyOrderElementsOf(fields);
            // Jackson writes every component, null or not; a field added after a release stays optional (records
            // already on the topic lack it), so required is a subset, kept by ReleasedContractsTest
            assertThat(fields).as(type.getSimpleName()).containsAll((List<String>) schema.get("required"));
            assertThat(message.get("traits")).isEqualTo(List.of(Map.of("$ref", "common.yaml#/components/messageTraits/EnvelopeRecord")));
        }
    }

    @Test
    void everyEventTypeIsUniqueFoundAndPublishedOnItsContextTopic() {
        IntegrationEvents.BY_TOPIC.forEach((topic, published) -> {
            String context = topic.split("\\.")[1];
            for (Class<? extends Record> type : published) {
                IntegrationEvent described = IntegrationEvents.describe(type);
                assertThat(described.type()).matches(context + "\\.[A-Z][A-Za-z]+");
                assertThat(type.getPackageName()).endsWith("." + context);
                assertThat(IntegrationEvents.payloadType(described.type(), described.version())).contains(type);
            }
        });
    }
}

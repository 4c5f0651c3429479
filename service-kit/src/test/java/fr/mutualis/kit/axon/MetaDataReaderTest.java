package fr.mutualis.kit.axon;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectReader;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kit's metadata reader gives back exactly what Axon's own gave, for what the kit stores and anything else. */
class MetaDataReaderTest {

    private final Jackson3Serializer kit = serializer(true);
    private final Jackson3Serializer axon = serializer(false);

    @Test
    void readsStoredMetadataAsAxonsOwnReaderDid() {
        Map<String, Object> values = new HashMap<>();
        values.put("userId", "agent-1");
        values.put("tenantId", "210000022");
        values.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        values.put("count", 3);
        values.put("amount", 12.5);
        values.put("flag", true);
        values.put("nothing", null);
        values.put("roles", List.of("AGENT", "ELU"));
        values.put("nested", Map.of("a", "b"));
        SerializedObject<byte[]> stored = kit.serialize(MetaData.from(values), byte[].class);

        MetaData read = kit.deserialize(stored);

        assertThat(read).isEqualTo(axon.deserialize(stored)).containsAllEntriesOf(values).hasSameSizeAs(values);
        assertThat(kit.<byte[], MetaData>deserialize(kit.serialize(MetaData.emptyInstance(), byte[].class))).isEmpty();
    }

    @Test
    void theKitsSerializerReadsMetadataWithTheKitsReader() throws ReflectiveOperationException {
        // no public accessor: the reader for a type holds the deserializer it prefetched
        Field root = ObjectReader.class.getDeclaredField("_rootDeserializer");
        root.setAccessible(true);

        assertThat(root.get(kit.getObjectMapper().readerFor(MetaData.class))).isInstanceOf(MetaDataReader.class);
        assertThat(root.get(axon.getObjectMapper().readerFor(MetaData.class))).isNotInstanceOf(MetaDataReader.class);
    }

    @Test
    void refusesWhatIsNoObject() {
        SerializedObject<byte[]> stored = kit.serialize(MetaData.emptyInstance(), byte[].class);
        SerializedObject<byte[]> array = new org.axonframework.serialization.SimpleSerializedObject<>(
                "[\"a\"]".getBytes(StandardCharsets.UTF_8), byte[].class, stored.getType());

        assertThatThrownBy(() -> kit.deserialize(array)).isInstanceOf(org.axonframework.serialization.SerializationException.class);
    }

    private static Jackson3Serializer serializer(boolean kitReader) {
        return Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(new AxonInfrastructureConfiguration().replayableTokens(kitReader, kitReader))
                .build();
    }
}

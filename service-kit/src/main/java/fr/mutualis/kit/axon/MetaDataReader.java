package fr.mutualis.kit.axon;

import org.axonframework.messaging.MetaData;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.jsontype.TypeDeserializer;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads an event's metadata (a JSON object) into the same {@link MetaData} as Axon's own reader, without its cost.
 * Axon's looks up and contextualises a {@code Map<String, Object>} deserializer on every call; every replayed event
 * pays it, since the correlation data of each handler's result reads the event's metadata: 16 % of a replay's
 * work-package CPU (flight recording, docs/benchmarks.md). Here string values, all the kit writes, are read straight
 * from the parser, anything else as Jackson's natural types, as before.
 */
final class MetaDataReader extends ValueDeserializer<MetaData> {

    @Override
    public MetaData deserialize(JsonParser parser, DeserializationContext context) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            token = parser.nextToken();
        }
        Map<String, Object> entries = new HashMap<>();
        for (; token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            entries.put(name, switch (value) {
                case VALUE_STRING -> parser.getString();
                case VALUE_NULL -> null;
                default -> context.readValue(parser, Object.class);
            });
        }
        if (token != JsonToken.END_OBJECT) {
            return (MetaData) context.handleUnexpectedToken(MetaData.class, parser);
        }
        return MetaData.from(entries);
    }

    @Override
    public Object deserializeWithType(JsonParser parser, DeserializationContext context, TypeDeserializer types) {
        return types.deserializeTypedFromObject(parser, context);
    }
}

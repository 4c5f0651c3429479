package fr.mutualis.contracts.asyncapi;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import fr.mutualis.contracts.EventHeaders;
import fr.mutualis.contracts.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The messages of the four AsyncAPI documents under one classpath folder ({@code asyncapi} for the current ones,
 * {@code asyncapi/released/<version>} for a release), found by topic and by the (type, version) that the envelope
 * names. Schemas are AsyncAPI's default schema format, a superset of JSON Schema draft 7: networknt validates them
 * with their {@code $ref}s resolved in place, including those into {@code common.yaml}.
 */
public final class AsyncApiMessages {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String folder;
    private final Map<String, JsonNode> documentsByTopic = new LinkedHashMap<>();
    private final Map<String, Message> messagesByKey = new LinkedHashMap<>();
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    /** A message of a document: its name is the envelope's {@code type}, {@code x-version} its {@code version}. */
    public record Message(String topic, String componentName, String type, int version, JsonNode node,
                          String location) {
    }

    private AsyncApiMessages(String folder) {
        this.folder = folder;
        for (String topic : Topics.ALL) {
            JsonNode document = read(folder + "/" + context(topic) + ".yaml");
            documentsByTopic.put(topic, document);
            for (Map.Entry<String, JsonNode> entry : document.path("components").path("messages").properties()) {
                JsonNode message = entry.getValue();
                Message described = new Message(topic, entry.getKey(), message.path("name").asString(),
                        message.path("x-version").asInt(), message,
                        location(topic) + "#/components/messages/" + entry.getKey());
                messagesByKey.put(key(described.type(), described.version()), described);
            }
        }
    }

    /** The documents of a classpath folder, e.g. {@code asyncapi}. */
    public static AsyncApiMessages load(String folder) {
        return new AsyncApiMessages(folder);
    }

    public static String context(String topic) {
        return topic.split("\\.")[1];
    }

    public JsonNode document(String topic) {
        return documentsByTopic.get(topic);
    }

    public List<Message> messages() {
        return List.copyOf(messagesByKey.values());
    }

    public Optional<Message> message(String type, int version) {
        return Optional.ofNullable(messagesByKey.get(key(type, version)));
    }

    /**
     * What is wrong with a record read from {@code topic}, empty when it is exactly what the document promises: its
     * value against the message its envelope names (which must be one of that topic's), its key against the key
     * schema and equal to the envelope's aggregate id, its headers against the header schema and equal to the
     * envelope's fields.
     */
    public List<String> problems(String topic, String key, Map<String, String> headers, String value) {
        List<String> problems = new ArrayList<>();
        JsonNode envelope;
        try {
            envelope = JSON.readTree(value);
        } catch (RuntimeException e) {
            return List.of("value is not JSON: " + e.getMessage());
        }
        String type = envelope.path("type").asString("");
        Optional<Message> found = message(type, envelope.path("version").asInt(-1));
        if (found.isEmpty() || !found.get().topic().equals(topic)) {
            return List.of("no message " + type + " v" + envelope.path("version") + " on " + topic);
        }
        Message message = found.get();
        describe("value", schema(message.location() + "/payload").validate(envelope), problems);
        String trait = message.node().path("traits").path(0).path("$ref").asString(null);
        String recordSchemas = trait == null ? message.location() : SchemaLocation.resolve(
                SchemaLocation.of(location(topic)), trait);
        describe("key", schema(recordSchemas + "/bindings/kafka/key").validate(JSON.getNodeFactory().stringNode(key)),
                problems);
        ObjectNode headerNode = JSON.createObjectNode();
        headers.forEach(headerNode::put);
        describe("headers", schema(recordSchemas + "/headers").validate(headerNode), problems);
        expectEqual("key", key, envelope.path("aggregateId").asString(null), problems);
        expectEqual(EventHeaders.TENANT_ID, headers.get(EventHeaders.TENANT_ID), envelope.path("tenantId").asString(null), problems);
        expectEqual(EventHeaders.EVENT_TYPE, headers.get(EventHeaders.EVENT_TYPE), type, problems);
        expectEqual(EventHeaders.EVENT_VERSION, headers.get(EventHeaders.EVENT_VERSION),
                envelope.path("version").asString(null), problems);
        expectEqual(EventHeaders.CORRELATION_ID, headers.get(EventHeaders.CORRELATION_ID),
                envelope.path("correlationId").asString(null), problems);
        return problems;
    }

    /** The problems of a value against a schema of the documents, by location ({@code <document>#<pointer>}). */
    public List<String> validate(String schemaLocation, JsonNode instance) {
        List<String> problems = new ArrayList<>();
        describe("", schema(schemaLocation).validate(instance), problems);
        return problems;
    }

    /** Where a topic's document is, as a base for the locations of its schemas. */
    public String location(String topic) {
        return "classpath:" + folder + "/" + context(topic) + ".yaml";
    }

    private Schema schema(String location) {
        return schemas.getSchema(SchemaLocation.of(location));
    }

    private static void describe(String what, List<Error> errors, List<String> problems) {
        errors.forEach(error -> problems.add((what + " " + error.toString()).trim()));
    }

    private static void expectEqual(String what, String actual, String expected, List<String> problems) {
        if (!Objects.equals(actual, expected)) {
            problems.add(what + " is " + actual + " but the envelope says " + expected);
        }
    }

    private static String key(String type, int version) {
        return type + "/v" + version;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = AsyncApiMessages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No " + resource + " on the classpath");
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

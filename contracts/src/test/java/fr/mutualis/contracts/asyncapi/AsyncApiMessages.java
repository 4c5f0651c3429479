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
import java.util.concurrent.ConcurrentHashMap;

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
    private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();
    private final Map<String, Message> messagesByKey = new LinkedHashMap<>();
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    /** A message of a document: its name is the envelope's {@code type}, {@code x-version} its {@code version}. */
    public record Message(String topic, String componentName, String type, int version, JsonNode node,
                          String location) {
    }

    private AsyncApiMessages(String folder) {
        this.folder = folder;
        for (String topic : Topics.ALL) {
            JsonNode document = documents.computeIfAbsent(folder + "/" + context(topic) + ".yaml", AsyncApiMessages::read);
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
        String recordSchemas = recordSchemas(message);
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

    /**
     * What a consumer relies on, by message ({@code <topic> <type> v<version>}): the record value, headers and key
     * schemas with their references inlined, as the properties of one object so that they compare as one.
     */
    public Map<String, JsonNode> contractsByMessage() {
        Map<String, JsonNode> contracts = new LinkedHashMap<>();
        for (Message message : messagesByKey.values()) {
            ObjectNode parts = JSON.createObjectNode();
            parts.set("value", inlined(message.location() + "/payload"));
            parts.set("headers", inlined(recordSchemas(message) + "/headers"));
            parts.set("key", inlined(recordSchemas(message) + "/bindings/kafka/key"));
            contracts.put(message.topic() + " " + message.type() + " v" + message.version(),
                    JSON.createObjectNode().set("properties", parts));
        }
        return contracts;
    }

    /** Where the message's headers and Kafka bindings are: its own node, or the trait it takes them from. */
    public String recordSchemas(Message message) {
        String trait = message.node().path("traits").path(0).path("$ref").asString(null);
        return trait == null ? message.location() : SchemaLocation.resolve(SchemaLocation.of(location(message.topic())), trait);
    }

    /** Where a topic's document is, as a base for the locations of its schemas. */
    private String location(String topic) {
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

    /**
     * The schema at {@code location} ({@code classpath:<resource>#<pointer>}) with every {@code $ref} replaced by
     * what it points to, so that two versions can be compared wherever their parts live (our schemas have no cycle).
     */
    public JsonNode inlined(String location) {
        String resource = location.substring("classpath:".length(), location.indexOf('#'));
        JsonNode node = documents.computeIfAbsent(resource, AsyncApiMessages::read)
                .at(location.substring(location.indexOf('#') + 1));
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("Nothing at " + location);
        }
        return inline(node, location);
    }

    private JsonNode inline(JsonNode node, String base) {
        if (node.isObject() && node.has("$ref")) {
            return inlined(SchemaLocation.resolve(SchemaLocation.of(base), node.get("$ref").asString()));
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.properties().forEach(entry -> copy.set(entry.getKey(), inline(entry.getValue(), base)));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(inline(element, base)));
            return copy;
        }
        return node;
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

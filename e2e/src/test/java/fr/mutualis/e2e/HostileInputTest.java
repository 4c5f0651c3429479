package fr.mutualis.e2e;

import fr.mutualis.e2e.support.OpenApi;
import fr.mutualis.e2e.support.OpenApi.Operation;
import fr.mutualis.e2e.support.Platform;
import fr.mutualis.e2e.support.Territory;
import fr.mutualis.e2e.support.World;
import fr.mutualis.e2e.support.WriteRequests;
import fr.mutualis.e2e.support.WriteRequests.Base;
import fr.mutualis.kit.testsupport.TestHttp;
import fr.mutualis.kit.testsupport.TestHttp.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input over every write endpoint of the four services, generated from their OpenAPI documents: for
 * each body field, by its documented type and constraints, wrong types, missing or null required values, huge strings
 * and arrays, negative and overflowing numbers, unknown enum values, invalid SIRENs, impossible dates, control and
 * unpaired-surrogate characters; and for each body, malformed, empty, mis-shaped and deeply nested JSON. Each answer
 * must be a 4xx problem+json that names the offending field (never a 5xx), and the event stores and read models of
 * the services hold exactly as many rows afterwards as before. The number of cases is printed.
 */
@ExtendWith(Platform.class)
class HostileInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOLE = "__HOSTILE_VALUE__";
    private static final Set<String> CONTEXTS = Set.of("portfolio", "governance", "budget", "evaluation");
    private static final int HUGE = 100_000;

    private static TestHttp gateway;
    private static Territory t;
    private static World world;
    private static List<Operation> writes;

    /** A valid body and the caller of each write: a hostile variation is refused for what it changed only. */
    private static Map<String, Base> bases;

    @BeforeAll
    static void territory() {
        gateway = Platform.gateway();
        t = Territory.create();
        world = World.privateOf(t.ville, t.agent(t.ville));
        writes = OpenApi.fetch().operations().stream()
                .filter(operation -> CONTEXTS.contains(operation.context()) && !operation.isRead())
                .toList();
        bases = WriteRequests.validBodies();
    }

    @Test
    void everyWriteAnswersHostileInputWith4xxProblemNamingItAndChangesNothing() {
        Map<String, Long> before = WriteRequests.rowCounts();
        List<String> failures = new ArrayList<>();
        Set<String> noBase = new TreeSet<>();
        int cases = 0;
        for (Operation operation : writes) {
            var schema = operation.bodySchema();
            if (schema.isEmpty()) {
                continue;
            }
            Base base = bases.get(operation.key());
            if (base == null) {
                noBase.add(operation.key());
                continue;
            }
            String path = WriteRequests.path(operation, t, world);
            String token = base.caller().apply(t);
            String valid = WriteRequests.body(base, t, world);
            for (HostileCase hostile : cases(operation, schema.get(), JSON.readTree(valid))) {
                cases++;
                Response answer = send(operation.method(), path, hostile.body(), token);
                String problem = verdict(answer, hostile);
                if (problem != null) {
                    failures.add(operation.key() + " " + hostile.name() + ": " + problem);
                }
            }
        }
        System.out.printf("hostile input: %d cases over %d write operations of the four services, %d failures%n",
                cases, writes.size(), failures.size());
        failures.forEach(failure -> System.out.println("  " + failure));
        assertThat(noBase).as("write operations without a valid base body in this test").isEmpty();
        assertThat(failures).as("hostile inputs not answered 4xx problem+json naming the problem").isEmpty();
        assertThat(WriteRequests.rowCounts()).as("event stores and read models").isEqualTo(before);
    }

    private record HostileCase(String name, String body, String names) {
    }

    private static String verdict(Response answer, HostileCase hostile) {
        if (answer.status() < 400 || answer.status() >= 500) {
            return answer.status() + " " + abbreviate(answer.body());
        }
        if (!answer.isProblem()) {
            return answer.status() + " is not problem+json";
        }
        if (hostile.names() != null && !answer.body().contains(hostile.names())) {
            return answer.status() + " does not name " + hostile.names() + ": " + abbreviate(answer.body());
        }
        return null;
    }

    /** Every variation of {@code valid} this operation's schema suggests. */
    private static List<HostileCase> cases(Operation operation, JsonNode schema, JsonNode valid) {
        List<HostileCase> cases = new ArrayList<>();
        cases.add(new HostileCase("malformed JSON", JSON.writeValueAsString(valid).substring(0, 10), null));
        cases.add(new HostileCase("JSON array instead of an object", "[" + JSON.writeValueAsString(valid) + "]", null));
        cases.add(new HostileCase("a bare string", "\"bonjour\"", null));
        cases.add(new HostileCase("deeply nested", "[".repeat(5_000) + "]".repeat(5_000), null));
        cases.add(new HostileCase("trailing garbage", JSON.writeValueAsString(valid) + "}}", null));
        if (operation.bodyRequired()) {
            cases.add(new HostileCase("empty body", "", null));
            cases.add(new HostileCase("null body", "null", null));
        }
        fieldCases(operation, schema, valid, new ArrayList<>(), cases);
        return cases;
    }

    private static void fieldCases(Operation operation, JsonNode schema, JsonNode valid, List<Object> at,
                                   List<HostileCase> cases) {
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        for (var property : schema.path("properties").properties()) {
            String name = property.getKey();
            JsonNode field = operation.resolve(property.getValue());
            List<Object> path = new ArrayList<>(at);
            path.add(name);
            String label = label(path);
            if (required.contains(name)) {
                cases.add(new HostileCase(label + " missing", without(valid, path), name));
                cases.add(new HostileCase(label + " null", with(valid, path, "null"), name));
            }
            String type = field.path("type").asString("");
            switch (type) {
                case "string" -> stringCases(field, name, label, valid, path, cases);
                case "integer" -> {
                    cases.add(new HostileCase(label + " a word", with(valid, path, "\"douze\""), name));
                    cases.add(new HostileCase(label + " a fraction", with(valid, path, "1.5"), name));
                    cases.add(new HostileCase(label + " overflowing 64 bits", with(valid, path, "99999999999999999999999"), name));
                    if (field.path("format").asString("").equals("int32")) {
                        cases.add(new HostileCase(label + " overflowing 32 bits", with(valid, path, "2147483648"), name));
                    }
                    if (field.has("minimum") && field.get("minimum").asLong() >= 0) {
                        cases.add(new HostileCase(label + " negative", with(valid, path, "-1"), name));
                    }
                    if (field.has("maximum")) {
                        cases.add(new HostileCase(label + " above its maximum",
                                with(valid, path, String.valueOf(field.get("maximum").asLong() + 1)), name));
                    }
                }
                case "number" -> {
                    cases.add(new HostileCase(label + " a word", with(valid, path, "\"beaucoup\""), name));
                    cases.add(new HostileCase(label + " astronomically large", with(valid, path, "1e400"), name));
                    // a documented negative minimum (an indicator's value) makes -1 valid
                    if (!field.has("minimum") || field.get("minimum").asDouble() >= 0) {
                        cases.add(new HostileCase(label + " negative", with(valid, path, "-1"), name));
                    }
                }
                case "boolean" -> cases.add(new HostileCase(label + " not a boolean", with(valid, path, "\"peut-être\""), name));
                case "array" -> arrayCases(operation, field, name, label, valid, path, cases);
                case "object" -> {
                    cases.add(new HostileCase(label + " an array", with(valid, path, "[1, 2]"), name));
                    JsonNode nested = at(valid, path);
                    if (nested != null && nested.isObject() && field.has("properties")) {
                        fieldCases(operation, field, valid, path, cases);
                    }
                    if (field.has("additionalProperties") && nested != null && nested.isObject() && !nested.isEmpty()) {
                        String key = nested.properties().iterator().next().getKey();
                        List<Object> entry = new ArrayList<>(path);
                        entry.add(key);
                        cases.add(new HostileCase(label(entry) + " a word", with(valid, entry, "\"beaucoup\""), name));
                        cases.add(new HostileCase(label + " keyed by an invalid SIREN",
                                replaceKey(valid, path, key, "123456789"), name));
                    }
                }
                default -> {
                }
            }
        }
    }

    private static void stringCases(JsonNode field, String name, String label, JsonNode valid, List<Object> path,
                                    List<HostileCase> cases) {
        cases.add(new HostileCase(label + " an object", with(valid, path, "{\"x\": 1}"), name));
        cases.add(new HostileCase(label + " an array", with(valid, path, "[\"x\"]"), name));
        String format = field.path("format").asString("");
        if (field.has("enum")) {
            cases.add(new HostileCase(label + " an unknown enum value", with(valid, path, "\"NOT_A_VALUE\""), name));
            cases.add(new HostileCase(label + " an enum value in lower case",
                    with(valid, path, "\"" + field.get("enum").get(0).asString().toLowerCase() + "\""), name));
            return;
        }
        switch (format) {
            case "uuid" -> cases.add(new HostileCase(label + " not a UUID", with(valid, path, "\"not-a-uuid\""), name));
            case "date" -> {
                cases.add(new HostileCase(label + " 30 February", with(valid, path, "\"2026-02-30\""), name));
                cases.add(new HostileCase(label + " month 13", with(valid, path, "\"2026-13-01\""), name));
                cases.add(new HostileCase(label + " year 99999", with(valid, path, "\"99999-01-01\""), name));
                cases.add(new HostileCase(label + " a French date", with(valid, path, "\"31/03/2026\""), name));
            }
            case "date-time" -> {
                cases.add(new HostileCase(label + " hour 25", with(valid, path, "\"2026-03-16T25:00:00+01:00\""), name));
                cases.add(new HostileCase(label + " a date only", with(valid, path, "\"2026-03-16\""), name));
                cases.add(new HostileCase(label + " year 99999", with(valid, path, "\"+99999-03-16T18:00:00Z\""), name));
            }
            default -> {
                if (name.toLowerCase().contains("siren")) {
                    cases.add(new HostileCase(label + " wrong check digit", with(valid, path, "\"123456789\""), name));
                    cases.add(new HostileCase(label + " 8 digits", with(valid, path, "\"21000002\""), name));
                    cases.add(new HostileCase(label + " letters", with(valid, path, "\"21000002A\""), name));
                    return;
                }
                cases.add(new HostileCase(label + " huge (" + HUGE + " characters)",
                        with(valid, path, "\"" + "é".repeat(HUGE) + "\""), name));
                cases.add(new HostileCase(label + " with a NUL character", with(valid, path, "\"a\\u0000b\""), name));
                cases.add(new HostileCase(label + " with an unpaired surrogate", with(valid, path, "\"a\\ud800b\""), name));
            }
        }
    }

    private static void arrayCases(Operation operation, JsonNode field, String name, String label, JsonNode valid,
                                   List<Object> path, List<HostileCase> cases) {
        cases.add(new HostileCase(label + " an object", with(valid, path, "{\"x\": 1}"), name));
        cases.add(new HostileCase(label + " a number", with(valid, path, "42"), name));
        JsonNode items = operation.resolve(field.path("items"));
        JsonNode current = at(valid, path);
        if (!items.has("enum")) {
            // As many elements as fit in the gateway's 1 MB, so the service's own limit is what refuses them; distinct
            // strings, since a set would fold copies into one
            boolean strings = items.path("type").asString("").equals("string");
            String element = current != null && current.isArray() && !current.isEmpty()
                    ? JSON.writeValueAsString(current.get(0)) : "\"x\"";
            int count = Math.min(HUGE, 900_000 / (element.length() + 8));
            List<String> elements = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                elements.add(strings ? "\"e" + i + "\"" : element);
            }
            cases.add(new HostileCase(label + " huge (" + count + " elements)",
                    with(valid, path, "[" + String.join(",", elements) + "]"), name));
        }
        cases.add(new HostileCase(label + " with a null element", with(valid, path, "[null]"), name));
        if (items.has("enum")) {
            cases.add(new HostileCase(label + " with an unknown enum value", with(valid, path, "[\"NOT_A_VALUE\"]"), name));
        } else if (name.toLowerCase().contains("siren")) {
            cases.add(new HostileCase(label + " with an invalid SIREN", with(valid, path, "[\"123456789\"]"), name));
        }
        if (current != null && current.isArray() && !current.isEmpty() && items.path("type").asString("").equals("object")) {
            List<Object> first = new ArrayList<>(path);
            first.add(0);
            fieldCases(operation, items, valid, first, cases);
        }
    }

    // JSON surgery: the hostile value is spliced in as raw text, so it may be anything, even invalid JSON

    private static String with(JsonNode valid, List<Object> path, String raw) {
        JsonNode copy = valid.deepCopy();
        Object last = path.getLast();
        JsonNode parent = at(copy, path.subList(0, path.size() - 1));
        if (parent instanceof ObjectNode object) {
            object.put((String) last, HOLE);
        } else if (parent instanceof ArrayNode array) {
            array.set((Integer) last, JSON.getNodeFactory().stringNode(HOLE));
        }
        return JSON.writeValueAsString(copy).replace("\"" + HOLE + "\"", raw);
    }

    private static String without(JsonNode valid, List<Object> path) {
        JsonNode copy = valid.deepCopy();
        JsonNode parent = at(copy, path.subList(0, path.size() - 1));
        if (parent instanceof ObjectNode object) {
            object.remove((String) path.getLast());
        }
        return JSON.writeValueAsString(copy);
    }

    private static String replaceKey(JsonNode valid, List<Object> path, String key, String newKey) {
        JsonNode copy = valid.deepCopy();
        if (at(copy, path) instanceof ObjectNode object) {
            object.set(newKey, object.remove(key));
        }
        return JSON.writeValueAsString(copy);
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode current = root;
        for (Object step : path) {
            if (current == null) {
                return null;
            }
            current = step instanceof Integer index ? current.get(index) : current.get((String) step);
        }
        return current;
    }

    private static String label(List<Object> path) {
        StringBuilder label = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                label.append('[').append(index).append(']');
            } else {
                label.append(label.isEmpty() ? "" : ".").append(step);
            }
        }
        return label.toString();
    }

    private static Response send(String method, String path, String body, String token) {
        HttpRequest.Builder request = gateway.request(path, token, null).header("Content-Type", "application/json");
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.ofString(body);
        return gateway.send(method.equals("PUT") ? request.PUT(publisher) : request.POST(publisher));
    }

    private static String abbreviate(String body) {
        return body == null || body.length() < 300 ? body : body.substring(0, 300) + "...";
    }
}

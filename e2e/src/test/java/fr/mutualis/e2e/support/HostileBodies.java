package fr.mutualis.e2e.support;

import fr.mutualis.e2e.support.OpenApi.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Hostile variations of a valid request body, generated from the operation's OpenAPI schema: nothing here names an
 * endpoint, so an operation added tomorrow gets its cases too. Each case says which field a refusal must name
 * ({@code errors[].field}), or null when the refusal is of the whole body or of a rule across fields.
 */
public final class HostileBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOLE = "__HOSTILE_VALUE__";
    private static final int HUGE = 100_000;

    /** @param names the field the refusal must name, null when any refusal of the body will do */
    public record Case(String name, String body, String names) {
    }

    private HostileBodies() {
    }

    /** Malformed, empty, mis-shaped and deeply nested bodies, and every single field made wrong on its own. */
    public static List<Case> singleFields(Operation operation, JsonNode schema, JsonNode valid) {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("malformed JSON", JSON.writeValueAsString(valid).substring(0, 10), null));
        cases.add(new Case("JSON array instead of an object", "[" + JSON.writeValueAsString(valid) + "]", null));
        cases.add(new Case("a bare string", "\"bonjour\"", null));
        cases.add(new Case("deeply nested", "[".repeat(5_000) + "]".repeat(5_000), null));
        cases.add(new Case("trailing garbage", JSON.writeValueAsString(valid) + "}}", null));
        if (operation.bodyRequired()) {
            cases.add(new Case("empty body", "", null));
            cases.add(new Case("null body", "null", null));
        }
        fieldCases(operation, schema, valid, new ArrayList<>(), cases);
        return cases;
    }

    /**
     * Rules across fields: every integer or number at the largest or smallest value of its type (parseable, so only
     * a bound or a checked sum refuses it), every integer of one object at its largest at once (their sum overflows),
     * and the first element of an array of objects twice with its integers at their largest (a schedule, a vote's
     * lines, an agenda's amounts whose total overflows).
     */
    public static List<Case> sums(Operation operation, JsonNode schema, JsonNode valid) {
        List<Case> cases = new ArrayList<>();
        walk(operation, schema, valid, new ArrayList<>(), (object, at) -> {
            List<List<Object>> numbers = new ArrayList<>();
            for (var property : object.path("properties").properties()) {
                JsonNode field = operation.resolve(property.getValue());
                List<Object> path = child(at, property.getKey());
                String type = field.path("type").asString("");
                String label = label(path);
                if (type.equals("integer")) {
                    boolean int32 = field.path("format").asString("").equals("int32");
                    cases.add(new Case(label + " at its type's largest",
                            with(valid, path, int32 ? String.valueOf(Integer.MAX_VALUE) : String.valueOf(Long.MAX_VALUE)), null));
                    cases.add(new Case(label + " at its type's smallest",
                            with(valid, path, int32 ? String.valueOf(Integer.MIN_VALUE) : String.valueOf(Long.MIN_VALUE)), null));
                    numbers.add(path);
                } else if (type.equals("number")) {
                    cases.add(new Case(label + " the largest finite double", with(valid, path, "1.7976931348623157E308"), null));
                    cases.add(new Case(label + " the largest negative double", with(valid, path, "-1.7976931348623157E308"), null));
                }
            }
            if (numbers.size() > 1) {
                JsonNode copy = valid.deepCopy();
                for (List<Object> path : numbers) {
                    copy = JSON.readTree(with(copy, path, largest(operation, object, path)));
                }
                cases.add(new Case(label(at) + (at.isEmpty() ? "" : " ") + "every integer at its type's largest at once",
                        JSON.writeValueAsString(copy), null));
            }
            for (var property : object.path("properties").properties()) {
                JsonNode field = operation.resolve(property.getValue());
                List<Object> path = child(at, property.getKey());
                JsonNode items = operation.resolve(field.path("items"));
                JsonNode current = at(valid, path);
                boolean integers = false;
                for (var itemProperty : items.path("properties").properties()) {
                    integers |= operation.resolve(itemProperty.getValue()).path("type").asString("").equals("integer");
                }
                // elements without an integer of their own would only be duplicates, which may be valid
                if (integers && field.path("type").asString("").equals("array") && items.path("type").asString("").equals("object")
                        && current != null && current.isArray() && !current.isEmpty()) {
                    for (String largest : List.of(String.valueOf(Integer.MAX_VALUE), String.valueOf(Long.MAX_VALUE))) {
                        ObjectNode element = (ObjectNode) current.get(0).deepCopy();
                        for (var itemProperty : items.path("properties").properties()) {
                            if (operation.resolve(itemProperty.getValue()).path("type").asString("").equals("integer")
                                    && element.has(itemProperty.getKey())) {
                                element.put(itemProperty.getKey(), HOLE);
                            }
                        }
                        String raw = JSON.writeValueAsString(element).replace("\"" + HOLE + "\"", largest);
                        cases.add(new Case(label(path) + " twice with its integers at " + largest,
                                with(valid, path, "[" + raw + "," + raw + "]"), null));
                    }
                }
            }
        });
        return cases;
    }

    /** The largest value of the integer at {@code path}, by its documented format: a sum of two overflows. */
    private static String largest(Operation operation, JsonNode object, List<Object> path) {
        JsonNode field = operation.resolve(object.path("properties").path(String.valueOf(path.getLast())));
        return field.path("format").asString("").equals("int32") ? String.valueOf(Integer.MAX_VALUE)
                : String.valueOf(Long.MAX_VALUE);
    }

    /**
     * Dates: absurd but parseable ones (the extremes {@link java.time.LocalDate} accepts) in every date field, and
     * every pair of dates or of years of one object swapped, so that an end comes before its start.
     */
    public static List<Case> dates(Operation operation, JsonNode schema, JsonNode valid) {
        List<Case> cases = new ArrayList<>();
        walk(operation, schema, valid, new ArrayList<>(), (object, at) -> {
            List<List<Object>> dates = new ArrayList<>();
            List<List<Object>> years = new ArrayList<>();
            for (var property : object.path("properties").properties()) {
                JsonNode field = operation.resolve(property.getValue());
                List<Object> path = child(at, property.getKey());
                String label = label(path);
                String format = field.path("format").asString("");
                if (format.equals("date")) {
                    cases.add(new Case(label + " -999999999-01-01", with(valid, path, "\"-999999999-01-01\""), property.getKey()));
                    cases.add(new Case(label + " +999999999-12-31", with(valid, path, "\"+999999999-12-31\""), property.getKey()));
                    dates.add(path);
                } else if (format.equals("date-time")) {
                    cases.add(new Case(label + " -999999999-01-01T00:00:00Z",
                            with(valid, path, "\"-999999999-01-01T00:00:00Z\""), property.getKey()));
                    cases.add(new Case(label + " +999999999-12-31T23:59:59Z",
                            with(valid, path, "\"+999999999-12-31T23:59:59Z\""), property.getKey()));
                } else if (field.path("type").asString("").equals("integer")
                        && property.getKey().toLowerCase().contains("year")) {
                    years.add(path);
                }
            }
            swapped(valid, dates, cases);
            swapped(valid, years, cases);
        });
        return cases;
    }

    private static void swapped(JsonNode valid, List<List<Object>> paths, List<Case> cases) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                JsonNode first = at(valid, paths.get(i));
                JsonNode second = at(valid, paths.get(j));
                if (first == null || second == null || first.equals(second)) {
                    continue;
                }
                String body = with(JSON.readTree(with(valid, paths.get(i), JSON.writeValueAsString(second))),
                        paths.get(j), JSON.writeValueAsString(first));
                cases.add(new Case(label(paths.get(i)) + " and " + label(paths.get(j)) + " swapped", body, null));
            }
        }
    }

    /**
     * Every reference to one of the caller's resources ({@code own} ids, by kind) replaced by the same kind of
     * resource of another tenant ({@code stranger}), and by each of the caller's resources of another kind.
     */
    public static List<Case> crossReferences(JsonNode valid, Map<String, String> own, Map<String, String> stranger) {
        List<Case> cases = new ArrayList<>();
        references(valid, new ArrayList<>(), (path, value) -> {
            String kind = kindOf(own, value);
            if (kind == null) {
                return;
            }
            String name = String.valueOf(path.getLast());
            stranger.forEach((resource, id) -> {
                if (kind(resource).equals(kind) && !resource.equals("siren")) {
                    cases.add(new Case(label(path) + " another tenant's " + resource, with(valid, path, "\"" + id + "\""), name));
                }
            });
            own.forEach((resource, id) -> {
                if (!kind(resource).equals(kind) && !resource.equals("siren") && !alsoAccepted(valid, path, resource)) {
                    cases.add(new Case(label(path) + " the caller's " + resource + " (wrong kind)",
                            with(valid, path, "\"" + id + "\""), name));
                }
            });
        });
        return cases;
    }

    /**
     * Fields that name one of several kinds: the subject of an agenda item other than a project gate or a roadmap's
     * adoption may be a project or a roadmap (an arbitration or a prioritisation of a whole roadmap), as the
     * README's "References between contexts" says.
     */
    private static boolean alsoAccepted(JsonNode valid, List<Object> path, String resource) {
        if (!"subjectId".equals(path.getLast()) || !Set.of("project", "roadmap").contains(resource)) {
            return false;
        }
        String itemKind = at(valid, path.subList(0, path.size() - 1)).path("kind").asString("");
        return !Set.of("PROJECT_GATE", "ROADMAP_ADOPTION").contains(itemKind);
    }

    /** Each top-level key written twice, the same valid value both times: only a strict parser notices. */
    public static List<Case> duplicateKeys(JsonNode valid) {
        List<Case> cases = new ArrayList<>();
        if (!(valid instanceof ObjectNode object)) {
            return cases;
        }
        String text = JSON.writeValueAsString(valid);
        for (var property : object.properties()) {
            String again = JSON.writeValueAsString(property.getKey()) + ":" + JSON.writeValueAsString(property.getValue()) + ",";
            cases.add(new Case(property.getKey() + " twice", "{" + again + text.substring(1), property.getKey()));
        }
        return cases;
    }

    /** The kinds of one resource: a collectivité's two budget lines are both lines. */
    private static String kind(String resource) {
        return resource.equals("secondBudgetLine") ? "budgetLine" : resource;
    }

    private static String kindOf(Map<String, String> ids, String value) {
        return ids.entrySet().stream().filter(entry -> entry.getValue().equals(value))
                .map(entry -> kind(entry.getKey())).findFirst().orElse(null);
    }

    private static void references(JsonNode node, List<Object> at, BiConsumer<List<Object>, String> visitor) {
        if (node instanceof ObjectNode object) {
            for (var property : object.properties()) {
                List<Object> path = child(at, property.getKey());
                if (property.getValue().isString()) {
                    visitor.accept(path, property.getValue().asString());
                } else {
                    references(property.getValue(), path, visitor);
                }
            }
        } else if (node instanceof ArrayNode array && !array.isEmpty()) {
            List<Object> path = new ArrayList<>(at);
            path.add(0);
            if (array.get(0).isString()) {
                visitor.accept(path, array.get(0).asString());
            } else {
                references(array.get(0), path, visitor);
            }
        }
    }

    /** Visits the body's schema and each nested object schema (the first element of arrays) that the body fills. */
    private static void walk(Operation operation, JsonNode schema, JsonNode valid, List<Object> at,
                             BiConsumer<JsonNode, List<Object>> visitor) {
        visitor.accept(schema, at);
        for (var property : schema.path("properties").properties()) {
            JsonNode field = operation.resolve(property.getValue());
            List<Object> path = child(at, property.getKey());
            JsonNode current = at(valid, path);
            if (current == null) {
                continue;
            }
            String type = field.path("type").asString("");
            if (type.equals("object") && current.isObject() && field.has("properties")) {
                walk(operation, field, valid, path, visitor);
            } else if (type.equals("array") && current.isArray() && !current.isEmpty()) {
                JsonNode items = operation.resolve(field.path("items"));
                if (items.path("type").asString("").equals("object")) {
                    walk(operation, items, valid, child(path, 0), visitor);
                }
            }
        }
    }

    private static List<Object> child(List<Object> at, Object step) {
        List<Object> path = new ArrayList<>(at);
        path.add(step);
        return path;
    }

    private static void fieldCases(Operation operation, JsonNode schema, JsonNode valid, List<Object> at,
                                   List<Case> cases) {
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        for (var property : schema.path("properties").properties()) {
            String name = property.getKey();
            JsonNode field = operation.resolve(property.getValue());
            List<Object> path = child(at, name);
            String label = label(path);
            if (required.contains(name)) {
                cases.add(new Case(label + " missing", without(valid, path), name));
                cases.add(new Case(label + " null", with(valid, path, "null"), name));
            }
            String type = field.path("type").asString("");
            switch (type) {
                case "string" -> stringCases(field, name, label, valid, path, cases);
                case "integer" -> {
                    cases.add(new Case(label + " a word", with(valid, path, "\"douze\""), name));
                    cases.add(new Case(label + " a fraction", with(valid, path, "1.5"), name));
                    cases.add(new Case(label + " overflowing 64 bits", with(valid, path, "99999999999999999999999"), name));
                    if (field.path("format").asString("").equals("int32")) {
                        cases.add(new Case(label + " overflowing 32 bits", with(valid, path, "2147483648"), name));
                    }
                    if (field.has("minimum") && field.get("minimum").asLong() >= 0) {
                        cases.add(new Case(label + " negative", with(valid, path, "-1"), name));
                    }
                    if (field.has("maximum")) {
                        cases.add(new Case(label + " above its maximum",
                                with(valid, path, String.valueOf(field.get("maximum").asLong() + 1)), name));
                    }
                }
                case "number" -> {
                    cases.add(new Case(label + " a word", with(valid, path, "\"beaucoup\""), name));
                    cases.add(new Case(label + " astronomically large", with(valid, path, "1e400"), name));
                    // a documented negative minimum (an indicator's value) makes -1 valid
                    if (!field.has("minimum") || field.get("minimum").asDouble() >= 0) {
                        cases.add(new Case(label + " negative", with(valid, path, "-1"), name));
                    }
                }
                case "boolean" -> cases.add(new Case(label + " not a boolean", with(valid, path, "\"peut-être\""), name));
                case "array" -> arrayCases(operation, field, name, label, valid, path, cases);
                case "object" -> {
                    cases.add(new Case(label + " an array", with(valid, path, "[1, 2]"), name));
                    JsonNode nested = at(valid, path);
                    if (nested != null && nested.isObject() && field.has("properties")) {
                        fieldCases(operation, field, valid, path, cases);
                    }
                    if (field.has("additionalProperties") && nested != null && nested.isObject() && !nested.isEmpty()) {
                        String key = nested.properties().iterator().next().getKey();
                        List<Object> entry = child(path, key);
                        cases.add(new Case(label(entry) + " a word", with(valid, entry, "\"beaucoup\""), name));
                        cases.add(new Case(label + " keyed by an invalid SIREN", replaceKey(valid, path, key, "123456789"), name));
                    }
                }
                default -> {
                }
            }
        }
    }

    private static void stringCases(JsonNode field, String name, String label, JsonNode valid, List<Object> path,
                                    List<Case> cases) {
        cases.add(new Case(label + " an object", with(valid, path, "{\"x\": 1}"), name));
        cases.add(new Case(label + " an array", with(valid, path, "[\"x\"]"), name));
        String format = field.path("format").asString("");
        if (field.has("enum")) {
            cases.add(new Case(label + " an unknown enum value", with(valid, path, "\"NOT_A_VALUE\""), name));
            cases.add(new Case(label + " an enum value in lower case",
                    with(valid, path, "\"" + field.get("enum").get(0).asString().toLowerCase() + "\""), name));
            return;
        }
        switch (format) {
            case "uuid" -> cases.add(new Case(label + " not a UUID", with(valid, path, "\"not-a-uuid\""), name));
            case "date" -> {
                cases.add(new Case(label + " 30 February", with(valid, path, "\"2026-02-30\""), name));
                cases.add(new Case(label + " month 13", with(valid, path, "\"2026-13-01\""), name));
                cases.add(new Case(label + " year 99999", with(valid, path, "\"99999-01-01\""), name));
                cases.add(new Case(label + " a French date", with(valid, path, "\"31/03/2026\""), name));
            }
            case "date-time" -> {
                cases.add(new Case(label + " hour 25", with(valid, path, "\"2026-03-16T25:00:00+01:00\""), name));
                cases.add(new Case(label + " a date only", with(valid, path, "\"2026-03-16\""), name));
                cases.add(new Case(label + " year 99999", with(valid, path, "\"+99999-03-16T18:00:00Z\""), name));
            }
            default -> {
                if (name.toLowerCase().contains("siren")) {
                    cases.add(new Case(label + " wrong check digit", with(valid, path, "\"123456789\""), name));
                    cases.add(new Case(label + " 8 digits", with(valid, path, "\"21000002\""), name));
                    cases.add(new Case(label + " letters", with(valid, path, "\"21000002A\""), name));
                    return;
                }
                cases.add(new Case(label + " huge (" + HUGE + " characters)",
                        with(valid, path, "\"" + "é".repeat(HUGE) + "\""), name));
                cases.add(new Case(label + " with a NUL character", with(valid, path, "\"a\\u0000b\""), name));
                cases.add(new Case(label + " with an unpaired surrogate", with(valid, path, "\"a\\ud800b\""), name));
            }
        }
    }

    private static void arrayCases(Operation operation, JsonNode field, String name, String label, JsonNode valid,
                                   List<Object> path, List<Case> cases) {
        cases.add(new Case(label + " an object", with(valid, path, "{\"x\": 1}"), name));
        cases.add(new Case(label + " a number", with(valid, path, "42"), name));
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
            cases.add(new Case(label + " huge (" + count + " elements)",
                    with(valid, path, "[" + String.join(",", elements) + "]"), name));
        }
        cases.add(new Case(label + " with a null element", with(valid, path, "[null]"), name));
        if (items.has("enum")) {
            cases.add(new Case(label + " with an unknown enum value", with(valid, path, "[\"NOT_A_VALUE\"]"), name));
        } else if (name.toLowerCase().contains("siren")) {
            cases.add(new Case(label + " with an invalid SIREN", with(valid, path, "[\"123456789\"]"), name));
        }
        if (current != null && current.isArray() && !current.isEmpty() && items.path("type").asString("").equals("object")) {
            fieldCases(operation, items, valid, child(path, 0), cases);
        }
    }

    // JSON surgery: the hostile value is spliced in as raw text, so it may be anything, even invalid JSON

    public static String with(JsonNode valid, List<Object> path, String raw) {
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

    public static JsonNode at(JsonNode root, List<Object> path) {
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
}

package fr.mutualis.contracts.asyncapi;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes between a released schema and the current one that would break a consumer written against the
 * release: a field removed or renamed, a field no longer always sent, a new required field (records already on the
 * topic lack it), a type or format changed or widened (a field that may now be null is a change of type), an enum
 * value removed, a message removed. New optional fields, new enum values and new messages are compatible. Schemas are
 * compared with their {@code $ref}s inlined ({@link AsyncApiMessages#inlined}); {@code allOf} parts by position.
 *
 * <p>Hand-written because the maintained JSON Schema diff tools are for OpenAPI or JavaScript; the rules are few.
 */
public final class ConsumerCompatibility {

    private ConsumerCompatibility() {
    }

    /**
     * Breaking changes between two catalogues of schemas by message ({@code type/vN} or any key): a released key
     * missing from the current catalogue is a removed message; the others are compared.
     */
    public static List<String> breakingChanges(Map<String, JsonNode> released, Map<String, JsonNode> current) {
        List<String> changes = new ArrayList<>();
        released.forEach((message, schema) -> {
            if (!current.containsKey(message)) {
                changes.add(message + ": message removed");
            } else {
                changes.addAll(breakingChanges(message, schema, current.get(message)));
            }
        });
        return changes;
    }

    /** Breaking changes from {@code released} to {@code current}, each prefixed with {@code where}. */
    public static List<String> breakingChanges(String where, JsonNode released, JsonNode current) {
        List<String> changes = new ArrayList<>();
        compare(where, released, current, changes);
        return changes;
    }

    private static void compare(String path, JsonNode released, JsonNode current, List<String> changes) {
        Set<String> releasedTypes = types(released);
        Set<String> currentTypes = types(current);
        if (!releasedTypes.isEmpty() && !releasedTypes.containsAll(currentTypes.isEmpty() ? Set.of("any") : currentTypes)) {
            changes.add(path + ": type changed from " + releasedTypes + " to " + currentTypes);
        }
        for (String keyword : List.of("format", "const")) {
            if (released.has(keyword) && !released.get(keyword).equals(current.get(keyword))) {
                changes.add(path + ": " + keyword + " changed from " + released.get(keyword) + " to " + current.get(keyword));
            }
        }
        if (released.has("enum")) {
            Set<JsonNode> currentValues = current.has("enum") ? new HashSet<>(values(current.get("enum"))) : Set.of();
            for (JsonNode value : values(released.get("enum"))) {
                if (current.has("enum") && !currentValues.contains(value)) {
                    changes.add(path + ": enum value " + value + " removed");
                }
            }
        }
        Set<String> releasedRequired = names(released.get("required"));
        Set<String> currentRequired = names(current.get("required"));
        for (String field : releasedRequired) {
            if (!currentRequired.contains(field) && current.path("properties").has(field)) {
                changes.add(path + "." + field + ": no longer required (consumers rely on its presence)");
            }
        }
        for (String field : currentRequired) {
            if (!releasedRequired.contains(field)) {
                changes.add(path + "." + field + ": new required field (records already published lack it)");
            }
        }
        released.path("properties").properties().forEach(entry -> {
            String field = entry.getKey();
            if (!current.path("properties").has(field)) {
                changes.add(path + "." + field + ": field removed or renamed");
            } else {
                compare(path + "." + field, entry.getValue(), current.path("properties").get(field), changes);
            }
        });
        for (String keyword : List.of("items", "additionalProperties")) {
            if (released.path(keyword).isObject()) {
                compare(path + "[" + keyword + "]", released.get(keyword), current.path(keyword), changes);
            }
        }
        JsonNode releasedParts = released.path("allOf");
        for (int i = 0; i < releasedParts.size(); i++) {
            if (current.path("allOf").size() <= i) {
                changes.add(path + ".allOf[" + i + "]: removed");
            } else {
                compare(path + ".allOf[" + i + "]", releasedParts.get(i), current.path("allOf").get(i), changes);
            }
        }
    }

    /** The JSON types a schema allows; empty when it says nothing (any). */
    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        Set<String> types = new LinkedHashSet<>();
        if (type.isString()) {
            types.add(type.asString());
        }
        type.forEach(each -> types.add(each.asString()));
        if (types.contains("number")) {
            types.add("integer");
        }
        return types;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        if (array != null) {
            array.forEach(name -> names.add(name.asString()));
        }
        return names;
    }

    private static List<JsonNode> values(JsonNode array) {
        List<JsonNode> values = new ArrayList<>();
        array.forEach(values::add);
        return values;
    }
}

package fr.mutualis.contracts.openapi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the contexts' OpenAPI documents (the services' and the reporting job's) into the platform's: every path
 * (they are disjoint, each under {@code /api/<context>}), every component, the tags. Two services may name a schema alike ({@code Updated},
 * {@code PageRequest}...): identical ones are kept once, different ones are renamed after their context
 * ({@code GovernanceUpdated}) in that service's references, so that nothing is silently replaced.
 */
public final class ApiDocuments {

    /**
     * The documented contexts, in the order their documents are merged: the four services, then the reporting job's
     * read API. Each serves its document at {@code /v3/api-docs} and its operations under {@code /api/<context>}.
     */
    public static final List<String> CONTEXTS = List.of("portfolio", "budget", "governance", "evaluation",
            "reporting");
    /**
     * The extension that marks a 201 answered without a {@code Location}: a write that creates no addressable resource
     * (the budget's vote is recorded on its lines). Written by the services' document rules, read by the checks.
     */
    public static final String NO_LOCATION = "x-no-location";
    /** The aggregated document's name, beside the contexts' ({@code openapi/mutualis.json}). */
    public static final String AGGREGATED = "mutualis";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final String SCHEMA_REF = "#/components/schemas/";

    private ApiDocuments() {
    }

    /** {@code documents} by context, in {@link #CONTEXTS} order. */
    public static ObjectNode aggregate(Map<String, JsonNode> documents) {
        ObjectNode merged = JSON.createObjectNode();
        Map<String, JsonNode> paths = new TreeMap<>();
        Map<String, Map<String, JsonNode>> components = new TreeMap<>();
        Map<String, JsonNode> tags = new TreeMap<>();
        documents.forEach((context, original) -> {
            JsonNode document = renameConflicts(context, original, components.getOrDefault("schemas", Map.of()));
            if (!merged.has("openapi")) {
                merged.set("openapi", document.get("openapi"));
                merged.set("servers", document.get("servers"));
                merged.set("security", document.get("security"));
                ObjectNode info = (ObjectNode) document.get("info").deepCopy();
                info.put("title", "Mutualis API");
                info.put("description", "The platform's whole API, through the gateway: the operations of the "
                        + "portfolio, budget, governance and evaluation services and of the reporting job.");
                merged.set("info", info);
            }
            document.path("paths").properties().forEach(path -> {
                if (paths.putIfAbsent(path.getKey(), path.getValue()) != null) {
                    throw new IllegalArgumentException("Two services document " + path.getKey());
                }
            });
            document.path("components").properties().forEach(kind -> kind.getValue().properties().forEach(component ->
                    components.computeIfAbsent(kind.getKey(), key -> new TreeMap<>())
                            .putIfAbsent(component.getKey(), component.getValue())));
            document.path("tags").forEach(tag -> tags.putIfAbsent(tag.path("name").asString(), tag));
        });
        merged.set("tags", JSON.valueToTree(List.copyOf(tags.values())));
        merged.set("paths", JSON.valueToTree(paths));
        merged.set("components", JSON.valueToTree(components));
        return merged;
    }

    /** The document's schemas that another service already defined differently, renamed with the context first. */
    private static JsonNode renameConflicts(String context, JsonNode document, Map<String, JsonNode> known) {
        Map<String, String> renamed = new LinkedHashMap<>();
        document.path("components").path("schemas").properties().forEach(schema -> {
            JsonNode other = known.get(schema.getKey());
            if (other != null && !other.equals(schema.getValue())) {
                renamed.put(schema.getKey(), Character.toUpperCase(context.charAt(0)) + context.substring(1)
                        + schema.getKey());
            }
        });
        if (renamed.isEmpty()) {
            return document;
        }
        String text = JSON.writeValueAsString(document);
        for (Map.Entry<String, String> rename : renamed.entrySet()) {
            text = text.replace("\"" + SCHEMA_REF + rename.getKey() + "\"", "\"" + SCHEMA_REF + rename.getValue() + "\"");
        }
        ObjectNode result = (ObjectNode) JSON.readTree(text);
        ObjectNode schemas = (ObjectNode) result.path("components").path("schemas");
        renamed.forEach((from, to) -> schemas.set(to, schemas.remove(from)));
        return result;
    }

    /** The text a document is committed as: sorted keys, indented, so that diffs are readable and stable. */
    public static String text(JsonNode document) {
        return JSON.writeValueAsString(JSON.treeToValue(document, Object.class)) + "\n";
    }

    public static JsonNode parse(String text) {
        return JSON.readTree(text);
    }
}

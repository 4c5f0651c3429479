package fr.mutualis.e2e.support;

import fr.mutualis.contracts.openapi.ApiDocuments;
import fr.mutualis.testsupport.CommittedApiDocument;
import fr.mutualis.testsupport.TestHttp.Response;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's API as it documents itself: each service's OpenAPI document, fetched through the gateway
 * ({@code /v3/api-docs/<context>}). Tests enumerate these operations instead of sampling them, so an endpoint added
 * tomorrow is either covered or makes them fail.
 */
public final class OpenApi {

    public static final List<String> CONTEXTS = ApiDocuments.CONTEXTS;
    private static final String AGGREGATED = "/v3/api-docs/" + ApiDocuments.AGGREGATED;
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final Map<String, JsonNode> documents;

    private OpenApi(Map<String, JsonNode> documents) {
        this.documents = documents;
    }

    /**
     * Every context's document, each checked against the code it describes: as many operations as its controllers
     * declare request mappings, so that a document that lists nothing (or forgets a controller) fails here instead
     * of letting the tests that enumerate it pass on nothing.
     */
    public static OpenApi fetch() {
        Map<String, JsonNode> documents = new java.util.LinkedHashMap<>();
        for (String context : CONTEXTS) {
            Response document = Platform.gateway().get("/v3/api-docs/" + context, null, null);
            assertThat(document.status()).as("OpenAPI of " + context + ": " + document).isEqualTo(200);
            documents.put(context, document.json());
        }
        Response aggregated = Platform.gateway().get(AGGREGATED, null, null);
        assertThat(aggregated.status()).as("the aggregated OpenAPI: " + aggregated).isEqualTo(200);
        try {
            assertThat(aggregated.body()).as("the gateway's " + AGGREGATED + " against the committed document")
                    .isEqualTo(Files.readString(CommittedApiDocument.file(ApiDocuments.AGGREGATED)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OpenApi api = new OpenApi(documents);
        for (String context : CONTEXTS) {
            long documented = api.operations().stream().filter(operation -> operation.context().equals(context)).count();
            assertThat(documented).as("operations the OpenAPI of " + context + " documents, against its controllers' mappings")
                    .isPositive().isEqualTo(ControllerMappings.count(context));
        }
        return api;
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        documents.forEach((context, document) -> document.path("paths").properties().forEach(path -> {
            for (var method : path.getValue().properties()) {
                if (List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    operations.add(new Operation(context, method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            method.getValue(), document));
                }
            }
        }));
        return operations;
    }

    /** One documented operation: {@code key()} is {@code "METHOD path-template"}, e.g. {@code GET /api/x/{id}}. */
    public record Operation(String context, String method, String path, JsonNode spec, JsonNode document) {

        public String key() {
            return method + " " + path;
        }

        public List<String> pathVariables() {
            List<String> names = new ArrayList<>();
            Matcher matcher = PATH_VARIABLE.matcher(path);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        public boolean isRead() {
            return method.equals("GET");
        }

        /** The JSON schema of the request body, references resolved, when the operation takes a JSON body. */
        public Optional<JsonNode> bodySchema() {
            JsonNode schema = spec.path("requestBody").path("content").path("application/json").path("schema");
            return schema.isMissingNode() ? Optional.empty() : Optional.of(resolve(schema));
        }

        public boolean bodyRequired() {
            return spec.path("requestBody").path("required").asBoolean(false);
        }

        /**
         * Follows {@code $ref} to {@code #/components/schemas/...} in this document, also through the one-element
         * {@code allOf} that makes a reference nullable in OpenAPI 3.0.
         */
        public JsonNode resolve(JsonNode schema) {
            JsonNode current = schema;
            while (current.has("$ref") || current.path("allOf").size() == 1) {
                current = current.has("$ref") ? document.at(current.get("$ref").asString().substring(1))
                        : current.path("allOf").get(0);
            }
            return current;
        }

        /** The roles the service documents for this operation ({@code x-roles}), empty when it documents none. */
        public List<String> documentedRoles() {
            List<String> roles = new ArrayList<>();
            spec.path("x-roles").forEach(role -> roles.add(role.asString()));
            return roles;
        }

        public String fill(Map<String, String> values) {
            String filled = path;
            for (String variable : pathVariables()) {
                String value = values.get(variable);
                if (value == null) {
                    throw new IllegalArgumentException(key() + ": no value for {" + variable + "}");
                }
                filled = filled.replace("{" + variable + "}", value);
            }
            return filled;
        }
    }
}

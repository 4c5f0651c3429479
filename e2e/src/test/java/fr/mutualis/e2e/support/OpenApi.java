package fr.mutualis.e2e.support;

import fr.mutualis.contracts.openapi.ApiDocuments;
import fr.mutualis.localstack.StackApp;
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
 * The platform's API as it documents itself: the aggregated document the gateway serves
 * ({@code /v3/api-docs/mutualis}, merged from the contexts' documents and equal to the committed one the client is
 * generated from), each operation with the context of its path ({@code /api/<context>/...}). Tests enumerate these
 * operations instead of sampling them, so an endpoint added tomorrow is either covered or makes them fail.
 */
public final class OpenApi {

    /** The documented contexts: the four services and the reporting job. */
    public static final List<String> CONTEXTS = ApiDocuments.CONTEXTS;
    /** The documented contexts that are services, each with its event store: all but the reporting job. */
    public static final List<String> SERVICES = CONTEXTS.stream().filter(context -> StackApp.of(context).isService())
            .toList();
    private static final String AGGREGATED = "/v3/api-docs/" + ApiDocuments.AGGREGATED;
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final JsonNode document;

    private OpenApi(JsonNode document) {
        this.document = document;
    }

    /**
     * The aggregated document, checked against the committed one and against the code it describes: each context has
     * as many operations as its controllers declare request mappings, so that a document that lists nothing (or
     * forgets a controller) fails here instead of letting the tests that enumerate it pass on nothing. The reporting
     * job has no document route of its own at the gateway: the aggregate is where every context's operations are.
     */
    public static OpenApi fetch() {
        Response aggregated = Platform.gateway().get(AGGREGATED, null, null);
        assertThat(aggregated.status()).as("the aggregated OpenAPI: " + aggregated).isEqualTo(200);
        try {
            assertThat(aggregated.body()).as("the gateway's " + AGGREGATED + " against the committed document")
                    .isEqualTo(Files.readString(CommittedApiDocument.file(ApiDocuments.AGGREGATED)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OpenApi api = new OpenApi(aggregated.json());
        for (String context : CONTEXTS) {
            long documented = api.operations().stream().filter(operation -> operation.context().equals(context)).count();
            assertThat(documented).as("operations the OpenAPI of " + context + " documents, against its controllers' mappings")
                    .isPositive().isEqualTo(ControllerMappings.count(context));
        }
        return api;
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> {
            String context = path.getKey().split("/")[2];
            if (!CONTEXTS.contains(context)) {
                throw new IllegalStateException("A documented path outside the contexts: " + path.getKey());
            }
            for (var method : path.getValue().properties()) {
                if (List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    operations.add(new Operation(context, method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            method.getValue(), document));
                }
            }
        });
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

package fr.mutualis.testsupport;

import fr.mutualis.contracts.openapi.ApiDocuments;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules a service's OpenAPI document follows so that a generator and a validator can trust it (the kit's
 * {@code fr.mutualis.kit.openapi}): each answer is a sentence naming the operation and the rule it breaks, so that
 * the services' tests assert there are none.
 */
public final class ApiDocumentRules {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private ApiDocumentRules() {
    }

    public static List<String> violations(TestHttp http) {
        return violations(http.get("/v3/api-docs", null, null).json());
    }

    public static List<String> violations(JsonNode document) {
        List<String> violations = new ArrayList<>();
        JsonNode schemes = document.path("components").path("securitySchemes");
        if (!schemes.has("bearer") || !schemes.path("oauth2").path("flows").has("clientCredentials")
                || !schemes.path("oauth2").path("flows").has("authorizationCode")) {
            violations.add("no bearer and OAuth2 (client credentials, authorization code) security schemes");
        }
        if (document.path("security").isEmpty()) {
            violations.add("no security requirement applies to the operations");
        }
        if (document.path("info").path("license").path("name").isMissingNode() || document.path("servers").isEmpty()) {
            violations.add("no licence or no server");
        }
        Set<String> ids = new HashSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (!METHODS.contains(entry.getKey())) {
                return;
            }
            String name = entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            JsonNode operation = entry.getValue();
            String id = operation.path("operationId").asString("");
            if (id.isEmpty() || id.matches(".*_\\d+$") || !ids.add(id)) {
                violations.add(name + ": operationId missing, numbered or not unique: " + id);
            }
            if (operation.path("summary").asString("").isBlank() || operation.path("tags").isEmpty()) {
                violations.add(name + ": no summary or tag");
            }
            operation.path("parameters").forEach(parameter -> {
                if (parameter.path("in").asString("").equals("query")
                        && List.of("tenant", "caller").contains(parameter.path("name").asString(""))) {
                    violations.add(name + ": internal parameter " + parameter.path("name").asString());
                }
            });
            JsonNode responses = operation.path("responses");
            responses.properties().forEach(response -> {
                response.getValue().path("content").properties().forEach(media -> {
                    if (media.getKey().equals("*/*")) {
                        violations.add(name + " " + response.getKey() + ": media type */*");
                    }
                });
                boolean error = response.getKey().startsWith("4") || response.getKey().startsWith("5");
                if (error && !response.getValue().path("content").path("application/problem+json").path("schema")
                        .path("$ref").asString("").equals("#/components/schemas/Problem")) {
                    violations.add(name + " " + response.getKey() + ": not the shared problem+json Problem");
                }
            });
            boolean addressable = !operation.path(ApiDocuments.NO_LOCATION).asBoolean(false);
            if (responses.has("201") && addressable && !responses.path("201").path("headers").has("Location")) {
                violations.add(name + ": 201 without Location");
            }
            for (String status : List.of("400", "401", "403")) {
                if (!responses.has(status)) {
                    violations.add(name + ": " + status + " not documented");
                }
            }
            if (path.getKey().contains("{") && !responses.has("404")) {
                violations.add(name + ": 404 not documented");
            }
        }));
        return violations;
    }
}

package fr.mutualis.kit.testsupport;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** What a service's OpenAPI document says of roles: every operation must list its own ({@code x-roles}). */
public final class DocumentedRoles {

    private DocumentedRoles() {
    }

    /**
     * The operations ({@code "get /api/..."}) of the service behind {@code http} that document no roles; fails if the
     * document has no operation at all, which would make an empty answer meaningless.
     */
    public static List<String> operationsWithout(TestHttp http) {
        JsonNode paths = http.get("/v3/api-docs", null, null).json().get("paths");
        if (paths == null || paths.properties().isEmpty()) {
            throw new AssertionError("The service's OpenAPI document lists no operation");
        }
        List<String> undocumented = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!operation.getValue().has("x-roles")) {
                undocumented.add(operation.getKey() + " " + path.getKey());
            }
        }));
        return undocumented;
    }
}

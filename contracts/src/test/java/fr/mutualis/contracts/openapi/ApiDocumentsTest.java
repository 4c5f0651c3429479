package fr.mutualis.contracts.openapi;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed aggregated document is the merge of the committed services' documents, nothing lost or replaced. */
class ApiDocumentsTest {

    @Test
    void theCommittedAggregateIsTheMergeOfTheFourDocuments() throws IOException {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        int operations = 0;
        for (String context : ApiDocuments.CONTEXTS) {
            JsonNode document = ApiDocuments.parse(read(context));
            documents.put(context, document);
            for (var path : document.path("paths").properties()) {
                operations += path.getValue().size();
            }
        }
        JsonNode aggregate = ApiDocuments.aggregate(documents);
        assertThat(ApiDocuments.text(aggregate)).isEqualTo(read(ApiDocuments.AGGREGATED));
        int merged = 0;
        for (var path : aggregate.path("paths").properties()) {
            merged += path.getValue().size();
        }
        assertThat(merged).isEqualTo(operations);
        assertThat(aggregate.path("components").path("schemas").has("Problem")).isTrue();
    }

    @Test
    void twoDifferentSchemasOfTheSameNameAreBothKept() {
        JsonNode first = ApiDocuments.parse("""
                {"openapi": "3.0.1", "info": {"title": "a", "version": "v1"}, "paths": {"/api/a": {"get": {
                 "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Updated"}}}}}}}},
                 "components": {"schemas": {"Updated": {"type": "object", "properties": {"id": {"type": "string"}}}}}}""");
        JsonNode second = ApiDocuments.parse("""
                {"openapi": "3.0.1", "info": {"title": "b", "version": "v1"}, "paths": {"/api/b": {"get": {
                 "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Updated"}}}}}}}},
                 "components": {"schemas": {"Updated": {"type": "object", "properties": {"version": {"type": "integer"}}}}}}""");
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("portfolio", first);
        documents.put("budget", second);
        JsonNode merged = ApiDocuments.aggregate(documents);
        assertThat(merged.at("/components/schemas/Updated/properties").has("id")).isTrue();
        assertThat(merged.at("/components/schemas/BudgetUpdated/properties").has("version")).isTrue();
        assertThat(merged.at("/paths/~1api~1b/get/responses/200/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/BudgetUpdated");
    }

    private static String read(String name) throws IOException {
        try (InputStream in = ApiDocuments.class.getResourceAsStream("/openapi/" + name + ".json")) {
            assertThat(in).as("openapi/" + name + ".json").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

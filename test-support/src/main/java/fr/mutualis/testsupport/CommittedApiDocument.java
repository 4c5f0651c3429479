package fr.mutualis.testsupport;

import fr.mutualis.contracts.openapi.ApiDocuments;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document a service serves, against the one committed in {@code contracts/src/main/resources/openapi/}
 * that the Java client is generated from: a test of each service asserts they are equal, so that the client never
 * drifts from what the services really serve. {@code -Dmutualis.openapi.write=true} rewrites the committed document
 * (and the aggregated one, merged from the four) instead of comparing.
 */
public final class CommittedApiDocument {

    public static final String WRITE = "mutualis.openapi.write";

    private CommittedApiDocument() {
    }

    /** The served document and the committed one; rewritten first under {@value #WRITE}. */
    public static Comparison of(TestHttp http, String context) {
        TestHttp.Response served = http.get("/v3/api-docs", null, null);
        if (served.status() != 200) {
            throw new AssertionError("The service's OpenAPI document: " + served);
        }
        JsonNode document = served.json();
        Path file = file(context);
        if (Boolean.getBoolean(WRITE)) {
            write(file, ApiDocuments.text(document));
            writeAggregate();
        }
        return new Comparison(ApiDocuments.text(document), read(file));
    }

    /** @param served the served document as committed text; @param committed the committed text */
    public record Comparison(String served, String committed) {
    }

    /**
     * Fails unless the service's document follows {@link ApiDocumentRules} and equals the committed one (written
     * first under {@value #WRITE}).
     */
    public static void assertFollowsTheRulesAndIsCommitted(TestHttp http, String context) {
        Comparison document = of(http, context);
        List<String> violations = ApiDocumentRules.violations(http);
        if (!violations.isEmpty()) {
            throw new AssertionError("The OpenAPI document breaks the contract rules:\n  "
                    + String.join("\n  ", violations));
        }
        if (!document.served().equals(document.committed())) {
            throw new AssertionError("The served OpenAPI document differs from " + file(context) + " (-D" + WRITE
                    + "=true rewrites it)");
        }
    }

    private static void writeAggregate() {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (String context : ApiDocuments.CONTEXTS) {
            Path file = file(context);
            if (!Files.exists(file)) {
                return;
            }
            documents.put(context, ApiDocuments.parse(read(file)));
        }
        write(file(ApiDocuments.AGGREGATED), ApiDocuments.text(ApiDocuments.aggregate(documents)));
    }

    public static Path file(String name) {
        Path current = Path.of("").toAbsolutePath();
        while (current != null && !Files.isDirectory(current.resolve("contracts"))) {
            current = current.getParent();
        }
        if (current == null) {
            throw new IllegalStateException("No contracts module above " + Path.of("").toAbsolutePath());
        }
        return current.resolve("contracts/src/main/resources/openapi/" + name + ".json");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

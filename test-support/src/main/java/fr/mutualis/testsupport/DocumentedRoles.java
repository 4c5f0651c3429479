package fr.mutualis.testsupport;

import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a service's OpenAPI document says of its operations, checked against the service itself: every operation its
 * controllers map is documented (so that tests enumerating the document cover it), and each lists its own roles
 * ({@code x-roles}). One guard, called by every service's API tests.
 */
public final class DocumentedRoles {

    private DocumentedRoles() {
    }

    /**
     * The operations ({@code "get /api/..."}) of the service behind {@code http} that document no roles; fails if the
     * document has no operation at all, which would make an empty answer meaningless.
     */
    public static List<String> operationsWithout(TestHttp http) {
        JsonNode paths = paths(http);
        List<String> undocumented = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!operation.getValue().has("x-roles")) {
                undocumented.add(operation.getKey() + " " + path.getKey());
            }
        }));
        return undocumented;
    }

    /**
     * The operations ({@code "GET /api/..."}) the service's controllers map under {@code /api/} and the ones its
     * OpenAPI document lists: a test asserts they are equal, so that the document forgets no endpoint and lists none
     * that does not exist.
     */
    public static Comparison documentedAgainstMapped(TestHttp http, RequestMappingHandlerMapping mappings) {
        Set<String> documented = new TreeSet<>();
        paths(http).properties().forEach(path -> path.getValue().properties().forEach(operation ->
                documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(method -> mapped.add(method.name() + " " + pattern));
                }
            }
        }
        if (mapped.isEmpty()) {
            throw new AssertionError("The service maps no operation under /api/");
        }
        return new Comparison(documented, mapped);
    }

    /** @param documented the operations of the OpenAPI document; @param mapped the controllers' */
    public record Comparison(Set<String> documented, Set<String> mapped) {
    }

    private static JsonNode paths(TestHttp http) {
        JsonNode paths = http.get("/v3/api-docs", null, null).json().get("paths");
        if (paths == null || paths.properties().isEmpty()) {
            throw new AssertionError("The service's OpenAPI document lists no operation");
        }
        return paths;
    }
}

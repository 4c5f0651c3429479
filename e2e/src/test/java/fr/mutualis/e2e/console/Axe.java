package fr.mutualis.e2e.console;

import com.microsoft.playwright.Page;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * axe-core (from Deque's artifact, which carries {@code axe.min.js}) injected into the page and run with the WCAG 2
 * A and AA rules, those the RGAA follows.
 */
final class Axe {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCRIPT = load();

    /** The violations of impact serious or critical, each as {@code rule (impact): targets}. */
    static List<String> seriousViolations(Page page) {
        page.evaluate(SCRIPT);
        Object result = page.evaluate("""
                async () => JSON.stringify(await axe.run(document,
                    {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}))""");
        JsonNode violations = JSON.readTree(String.valueOf(result)).get("violations");
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : violations) {
            String impact = violation.get("impact").asString();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                violation.get("nodes").forEach(node -> targets.add(node.get("target").toString()));
                serious.add(violation.get("id").asString() + " (" + impact + "): " + targets);
            }
        }
        return serious;
    }

    private static String load() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Axe() {
    }
}

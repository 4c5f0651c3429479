package fr.mutualis.budget.api;

import fr.mutualis.budget.BudgetIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a Prometheus server scraping the service with a MONITORING client's token reads: every metric the platform
 * defines ({@code mutualis_*}) explains itself with a HELP text, so that an operator reading a dashboard or an
 * alert knows what is counted without the source code.
 */
class PrometheusHelpApiTest extends BudgetIntegrationTest {

    private static final Pattern TYPE = Pattern.compile("^# TYPE (mutualis_\\S+) \\S+$", Pattern.MULTILINE);
    private static final Pattern HELP = Pattern.compile("^# HELP (mutualis_\\S+)(?: (.*))?$", Pattern.MULTILINE);

    @Test
    void everyMutualisMetricHasAHelpText() {
        String monitoring = ISSUER.token("prometheus", List.of(VALMONT), List.of("MONITORING"));
        // Publishing and consuming integration events is what registers the integration counters.
        directoryHasTheDemoTerritory();
        votedLine(VALMONT_AGENT, 2038, "OPERATING", "011", 1_000);
        String scraped = await().atMost(Duration.ofSeconds(20)).until(() -> {
            var answer = http.get("/actuator/prometheus", monitoring, null);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            return answer.body();
        }, body -> body.contains("# TYPE mutualis_integration_published_total")
                && body.contains("# TYPE mutualis_integration_consumed_total"));

        Map<String, String> help = new TreeMap<>();
        Matcher helps = HELP.matcher(scraped);
        while (helps.find()) {
            help.put(helps.group(1), helps.group(2) == null ? "" : helps.group(2).strip());
        }
        Matcher types = TYPE.matcher(scraped);
        int families = 0;
        while (types.find()) {
            families++;
            assertThat(help.get(types.group(1))).as("HELP of " + types.group(1)).isNotBlank();
        }
        assertThat(families).as("mutualis_* metric families scraped").isGreaterThanOrEqualTo(3);
        assertThat(help).containsKeys("mutualis_integration_published_total", "mutualis_integration_consumed_total",
                "mutualis_web_writes_rejected_total");
    }
}

package fr.mutualis.e2e;

import fr.mutualis.e2e.support.Platform;
import fr.mutualis.e2e.support.TableSchema;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.testsupport.TestHttp.Response;
import fr.mutualis.localstack.LocalStack;
import fr.mutualis.localstack.issuer.DemoClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SCDL open-data exports of the demo territory, as an open-data portal receives them, conform to the field
 * rules that schema.data.gouv.fr publishes (budget 0.8.3, délibérations 2.1.5), read from the copies of those files
 * in this module's test resources, never from the services' constants: for each collectivité of the demo, the budget
 * at every stage and the délibérations.
 * <p>
 * The run's platform carries the demo territory, loaded as the README's run command loads it ({@link Platform}). The
 * demo votes the 2026 budget at the BP only: a BS, a DM and a CA are voted on one of Valmont's lines, through the API,
 * so that every stage has rows to check.
 */
@ExtendWith(Platform.class)
class ScdlExportsConformanceTest {

    private static final TableSchema BUDGET = TableSchema.resource("/scdl/budget-0.8.3.schema.json");
    private static final TableSchema DELIBERATIONS = TableSchema.resource("/scdl/deliberations-2.1.5.schema.json");
    private static final List<String> STAGES = List.of("BP", "BS", "DM", "CA");
    private static final int FISCAL_YEAR = 2026;

    private static LocalStack stack;
    private static TestHttp gateway;

    @BeforeAll
    static void theRunsPlatform() {
        stack = Platform.stack();
        gateway = Platform.gateway();
    }

    @Test
    void theBudgetOfEveryCollectiviteAtEveryStageFollowsTheScdlBudgetFieldRules() {
        voteBsDmAndCaOnALineOfValmont();
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String siren : DemoClients.ALL_TENANTS) {
            String token = stack.token("reporting");
            for (String stage : STAGES) {
                Response export = gateway.get("/api/budget/exports/scdl?fiscalYear=" + FISCAL_YEAR + "&stage=" + stage,
                        token, siren);
                assertThat(export.status()).as(siren + " " + stage + ": " + export).isEqualTo(200);
                assertThat(export.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
                assertThat(BUDGET.violations(export.body())).as(siren + " at the " + stage + "\n" + export.body()).isEmpty();
                rows.put(siren + " " + stage, (int) export.body().lines().count() - 1);
            }
        }
        System.out.println("SCDL budget rows checked, per collectivité and stage: " + rows);
        for (String siren : DemoClients.ALL_TENANTS) {
            assertThat(rows.get(siren + " BP")).as("lines voted at the BP of " + siren).isPositive();
        }
        for (String stage : STAGES) {
            assertThat(rows.get(DemoClients.VALMONT + " " + stage)).as("Valmont's lines voted at the " + stage).isPositive();
        }
    }

    @Test
    void theDeliberationsOfEveryCollectiviteFollowTheScdlDeliberationsFieldRules() {
        int rows = 0;
        for (String siren : DemoClients.ALL_TENANTS) {
            Response export = gateway.get("/api/governance/exports/scdl-deliberations", stack.token("reporting"), siren);
            assertThat(export.status()).as(siren + ": " + export).isEqualTo(200);
            assertThat(DELIBERATIONS.violations(export.body())).as(siren + "\n" + export.body()).isEmpty();
            rows += (int) export.body().lines().count() - 1;
        }
        System.out.println("SCDL délibérations rows checked: " + rows);
        assertThat(rows).as("the demo's assemblies adopted délibérations").isPositive();
    }

    /** The budget supplémentaire adds credits, a décision modificative more, and the compte administratif closes the line. */
    private static void voteBsDmAndCaOnALineOfValmont() {
        String agent = stack.token("valmont-agent");
        Response lines = gateway.get("/api/budget/lines?fiscalYear=" + FISCAL_YEAR + "&size=200", agent, null);
        assertThat(lines.status()).as(lines.toString()).isEqualTo(200);
        JsonNode line = null;
        for (JsonNode candidate : lines.json().get("items")) {
            if (candidate.get("votedCents").asLong() > 0) {
                line = candidate;
                break;
            }
        }
        assertThat(line).as("a line of Valmont voted at the BP\n" + lines.body()).isNotNull();
        String id = line.get("id").asString();
        long credits = line.get("votedCents").asLong();
        for (Map.Entry<String, Long> vote : List.of(Map.entry("BS", credits + 100_000), Map.entry("DM", credits + 150_000),
                Map.entry("CA", credits + 150_000))) {
            Response voted = gateway.post("/api/budget/votes", """
                    {"fiscalYear": %d, "stage": "%s", "lines": [{"lineId": "%s", "creditsCents": %d}]}"""
                    .formatted(FISCAL_YEAR, vote.getKey(), id, vote.getValue()), agent, null);
            assertThat(voted.status()).as(vote.getKey() + " " + voted).isEqualTo(201);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get(
                "/api/budget/exports/scdl?fiscalYear=" + FISCAL_YEAR + "&stage=CA", agent, null).body().lines().count() > 1);
    }
}

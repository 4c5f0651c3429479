package fr.mutualis.e2e.console;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import fr.mutualis.e2e.console.ConsolePages.Drawn;
import fr.mutualis.e2e.support.Platform;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Évaluation and Territoire in a real browser. Les Aulnes' agent defines indicators and measures them here (no other
 * class counts Les Aulnes' indicators); the REPORTING person reads the four demo collectivités and writes nothing.
 */
@ExtendWith(Platform.class)
class EvaluationPagesTest {

    @RegisterExtension
    static final ConsolePages pages = ConsolePages.patient();

    private static final String LES_AULNES = "210000048";
    private static final String CAGV = "200000016";
    private static final List<String> INDICATOR_STATUSES = List.of("ACHIEVED", "ON_TRACK", "AT_RISK", "OFF_TRACK",
            "NO_DATA");

    private static LocalStack stack;
    private static TestHttp gateway;
    private static String console;
    private static String marker;
    private static String indicatorId;

    @BeforeAll
    static void setUp() {
        stack = Platform.stack();
        gateway = Platform.gateway();
        console = stack.consoleUrl();
        marker = "E" + UUID.randomUUID().toString().substring(0, 6);
        String admin = stack.token("platform-admin");
        ConsolePages.registerIfAbsent(gateway, admin, CAGV, CAGV, "Communauté d'agglomération du Grand Val", "EPCI",
                98_000, null);
        ConsolePages.registerIfAbsent(gateway, admin, LES_AULNES, LES_AULNES, "Les Aulnes", "COMMUNE", 3_200, CAGV);
        String aulnes = stack.token("aulnes-agent");
        indicatorId = ConsolePages.created(() -> gateway.post("/api/evaluation/indicators", """
                {"scopeKind": "TENANT", "scopeId": "%s", "name": "Démarches en ligne %s", "unit": "%%",
                 "baselineValue": 20, "baselineDate": "2025-01-01", "targetValue": 80, "targetDate": "2028-12-31",
                 "direction": "UP", "frequency": "QUARTERLY"}""".formatted(LES_AULNES, marker), aulnes, null));
        for (String measurement : List.of("""
                {"date": "2025-06-30", "value": 30.5, "source": "Portail usagers"}""", """
                {"date": "2026-03-31", "value": 41, "source": "Portail usagers"}""")) {
            ConsolePages.created(() -> gateway.post("/api/evaluation/indicators/" + indicatorId
                    + "/measurements", measurement, aulnes, null));
        }
    }

    // ------------------------------------------------------------------------------------------------ dashboard

    @Test
    void dashboardChartsDrawTheFiguresOfTheApi() {
        try (BrowserContext context = pages.newContext()) {
            Page page = pages.signedIn(context, "aulnes-agent");
            // the dashboard is a projection of events still arriving: page and API agree once both have them
            await().atMost(ConsolePages.PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                JsonNode api = gateway.get("/api/evaluation/dashboard", stack.token("aulnes-agent"), null).json();
                page.navigate(console + "evaluation");
                Drawn indicators = ConsolePages.drawn(page, "#graphique-indicateurs");
                List<Double> expected = new ArrayList<>();
                for (String status : INDICATOR_STATUSES) {
                    JsonNode count = api.get("indicators").get("byStatus").get(status);
                    expected.add(count == null ? 0.0 : count.asDouble());
                }
                assertThat(indicators.labels()).containsExactly("Cible atteinte", "En bonne voie", "À surveiller",
                        "En décrochage", "Sans mesure");
                assertThat(indicators.series()).containsExactly(expected);
                assertThat(expected.stream().mapToDouble(Double::doubleValue).sum()).isGreaterThanOrEqualTo(1);

                Drawn budget = ConsolePages.drawn(page, "#graphique-budget");
                assertThat(budget.labels()).containsExactly("Investissement", "Fonctionnement");
                List<String> figures = List.of("plannedCents", "votedCents", "engagedCents", "mandatedCents");
                for (int series = 0; series < figures.size(); series++) {
                    assertThat(budget.series().get(series)).containsExactly(
                            api.get("budget").get("investment").get(figures.get(series)).asLong() / 100.0,
                            api.get("budget").get("operating").get(figures.get(series)).asLong() / 100.0);
                }
            });
            assertThat(page.locator("#eval-table-indicateurs")).isVisible();
        }
    }

    // ------------------------------------------------------------------------------------------------ indicators

    @Test
    void indicatorFormRefusalIsShownNextToTheFieldThenTheIndicatorIsDefined() {
        try (BrowserContext context = pages.newContext()) {
            Page page = pages.signedIn(context, "aulnes-agent");
            page.navigate(console + "evaluation/indicateurs");
            assertThat(page.locator("#scopeId")).hasValue(LES_AULNES);
            page.locator("#unit").fill("jours");
            page.locator("#baselineValue").fill("12,5");
            page.locator("#baselineDate").fill("2025-01-01");
            page.locator("#targetValue").fill("5");
            page.locator("#targetDate").fill("2028-12-31");
            page.locator("#direction").selectOption("DOWN");

            Response refused = ConsolePages.submit(page, "form.formulaire button[type=submit]");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.locator("#erreur-name")).isVisible();
            assertThat(page.locator("#name")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#name")).hasAttribute("aria-describedby", "erreur-name");
            assertThat(page.locator("#baselineValue")).hasValue("12,5");
            assertThat(page.locator("#direction")).hasValue("DOWN");

            page.locator("#name").fill("Délai de traitement " + marker);
            page.locator("form.formulaire button[type=submit]").click();

            assertThat(page).hasURL(Pattern.compile(".*/evaluation/indicateurs/[0-9a-f-]{36}$"));
            assertThat(page.locator("h1")).hasText("Délai de traitement " + marker);
            assertThat(page.locator("[role=status]")).hasText("L'indicateur est défini.");
            assertThat(page.locator("#statut-indicateur")).hasText("Sans mesure");
            page.navigate(console + "evaluation/indicateurs");
            assertThat(page.locator("#indicateurs")).containsText("Délai de traitement " + marker);
        }
    }

    @Test
    void indicatorPageDrawsTheMeasurementsAgainstBaselineAndTargetAndRecordsOne() {
        try (BrowserContext context = pages.newContext()) {
            Page page = pages.signedIn(context, "aulnes-agent");
            page.navigate(console + "evaluation/indicateurs/" + indicatorId);

            JsonNode api = gateway.get("/api/evaluation/indicators/" + indicatorId, stack.token("aulnes-agent"), null)
                    .json();
            Drawn chart = ConsolePages.drawn(page, "#graphique-mesures");
            List<Double> measured = chart.series().get(0).stream().filter(value -> value != null).toList();
            List<Double> expected = new ArrayList<>();
            api.get("measurements").forEach(measurement -> expected.add(measurement.get("value").asDouble()));
            assertThat(measured).containsExactlyElementsOf(expected);
            assertThat(chart.labels()).containsExactly("01/01/2025", "30/06/2025", "31/03/2026", "31/12/2028");
            assertThat(chart.series().get(1)).containsOnly(api.get("baselineValue").asDouble());
            assertThat(chart.series().get(2)).containsOnly(api.get("targetValue").asDouble());
            assertThat(chart.names()).containsExactly("Mesure", "Référence", "Cible");

            page.locator("#date").fill("2026-09-30");
            page.locator("#value").fill("45,5");
            Response refused = ConsolePages.submit(page, "form.formulaire button[type=submit]");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.locator("#erreur-source")).isVisible();
            assertThat(page.locator("#value")).hasValue("45,5");

            page.locator("#source").fill("Enquête de satisfaction " + marker);
            page.locator("form.formulaire button[type=submit]").click();
            assertThat(page.locator("[role=status]")).hasText("La mesure est enregistrée.");
            assertThat(page.locator("#table-mesures")).containsText("45,5");
            assertThat(page.locator("body")).containsText("Enquête de satisfaction " + marker);
        }
    }

    // ------------------------------------------------------------------------------------------------ barometer

    @Test
    void selfAssessmentIsDeclaredAndTheBarometerShowsEachCriterionAndTheFiveProfiles() {
        try (BrowserContext context = pages.newContext()) {
            Page page = pages.signedIn(context, "aulnes-agent");
            page.navigate(console + "evaluation/auto-evaluation");
            // a value no checkbox offers (a forged form) is refused by the API and nothing is declared
            page.locator("#roles-DPO").evaluate("box => { box.value = 'ASTRONAUTE'; box.checked = true; }");
            Response refused = ConsolePages.submit(page, "form.formulaire button[type=submit]");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.locator("#probleme")).isVisible();

            page.navigate(console + "evaluation/auto-evaluation");
            page.locator("#roles-DPO").check();
            page.locator("#communication-TOP_DOWN").check();
            page.locator("form.formulaire button[type=submit]").click();

            assertThat(page).hasURL(Pattern.compile(".*/evaluation/barometre$"));
            assertThat(page.locator("[role=status]")).containsText("L'auto-évaluation est enregistrée");
            assertThat(page.locator("#critere-ROLES")).containsText("Délégué à la protection des données (DPO)");
            assertThat(page.locator("#critere-COMMUNICATION")).containsText("Descendante");
            JsonNode barometer = gateway.get("/api/evaluation/barometer", stack.token("aulnes-agent"), null).json();
            assertThat(page.locator("#profil")).not().isEmpty();
            if (barometer.get("nearestProfile") != null) {
                int missing = barometer.get("missing") == null ? 0 : barometer.get("missing").size();
                assertThat(page.locator("#criteres td.manquant")).hasCount(missing);
                assertThat(page.locator("#profil-proche")).isVisible();
            }
            assertThat(page.locator("dl.profils dt")).hasCount(5);
            assertThat(page.locator("dl.profils")).containsText("Systémique");
            assertThat(page.locator("dl.profils")).containsText("Éclaireur");
            assertThat(page.locator("dl.profils")).containsText("sans dispositif d'évaluation");
        }
    }

    // ------------------------------------------------------------------------------------------------ roles

    @Test
    void reportingReadsTheEvaluationWithoutAnyFormAndAnAgentIsRefusedTheTerritory() {
        try (BrowserContext context = pages.newContext()) {
            Page page = pages.signedIn(context, "reporting");
            page.navigate(console + "evaluation/indicateurs");
            assertThat(page.locator("h1")).hasText("Indicateurs");
            assertThat(page.locator("form.formulaire")).hasCount(0);
            page.navigate(console + "evaluation/auto-evaluation");
            assertThat(page.locator("form.formulaire button[type=submit]")).hasCount(0);
        }
        try (BrowserContext context = pages.newContext()) {
            Page page = pages.signedIn(context, "aulnes-agent");
            assertThat(page.locator("nav a[href$='/territoire']")).hasCount(0);
            Response refused = page.navigate(console + "territoire");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(page.locator("h1")).hasText("Accès refusé");
            APIResponse download = page.request().get(console + "territoire/exports/deliberations?siren=" + LES_AULNES);
            assertThat(download.status()).isEqualTo(403);
        }
    }

    @Test
    void territoryComparesTheCollectivitesOfTheTokenWithTheApisFiguresAndServesTheOpenData() {
        int year = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();
        try (BrowserContext context = pages.newContext()) {
            Page page = pages.signedIn(context, "reporting");
            String token = stack.token("reporting");
            List<String> sirens = List.of("210000022", "210000030", LES_AULNES, CAGV);
            await().atMost(ConsolePages.PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                Map<String, List<Double>> expected = new LinkedHashMap<>();
                for (String siren : sirens) {
                    JsonNode budget = gateway.get("/api/evaluation/dashboard?fiscalYear=" + year, token, siren).json()
                            .get("budget");
                    expected.put(siren, List.of(budget.get("investment").get("votedCents").asLong() / 100.0,
                            budget.get("operating").get("votedCents").asLong() / 100.0));
                }
                page.navigate(console + "territoire");
                assertThat(page.locator("#comparaison tbody tr")).hasCount(4);
                Drawn chart = ConsolePages.drawn(page, "#graphique-territoire");
                assertThat(chart.labels()).hasSize(4);
                assertThat(chart.names()).containsExactly("Investissement", "Fonctionnement");
                List<Double> investment = new ArrayList<>();
                List<Double> operating = new ArrayList<>();
                List<String> rowSirens = page.locator("#comparaison tbody tr a[href*='exports/deliberations']")
                        .all().stream().map(link -> link.getAttribute("href").replaceAll(".*siren=", "")).toList();
                for (String siren : rowSirens) {
                    investment.add(expected.get(siren).get(0));
                    operating.add(expected.get(siren).get(1));
                }
                assertThat(rowSirens).containsExactlyInAnyOrderElementsOf(sirens);
                assertThat(chart.series()).containsExactly(investment, operating);
            });

            APIResponse budget = page.request().get(console + "territoire/exports/budget?siren=" + LES_AULNES
                    + "&fiscalYear=" + year + "&stage=BP");
            assertThat(budget.status()).isEqualTo(200);
            assertThat(budget.headers().get("content-type")).startsWith("text/csv");
            assertThat(budget.headers().get("content-disposition")).contains("budget-" + LES_AULNES);
            assertThat(budget.text()).contains("BGT_NATDEC");
            APIResponse deliberations = page.request().get(console + "territoire/exports/deliberations?siren="
                    + LES_AULNES);
            assertThat(deliberations.status()).isEqualTo(200);
            assertThat(deliberations.headers().get("content-type")).startsWith("text/csv");
            APIResponse outside = page.request().get(console + "territoire/exports/budget?siren=130000011");
            assertThat(outside.status()).isEqualTo(404);
        }
    }

    // ------------------------------------------------------------------------------------------------ accessibility

    @Test
    void everyEvaluationAndTerritoryPagePassesAxe() {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        try (BrowserContext context = pages.newContext()) {
            Page page = pages.signedIn(context, "aulnes-agent");
            Map<String, String> visited = new LinkedHashMap<>();
            visited.put("evaluation-tableau-de-bord", "evaluation");
            visited.put("evaluation-indicateurs", "evaluation/indicateurs");
            visited.put("evaluation-indicateur", "evaluation/indicateurs/" + indicatorId);
            visited.put("evaluation-auto-evaluation", "evaluation/auto-evaluation");
            visited.put("evaluation-barometre", "evaluation/barometre");
            for (Map.Entry<String, String> entry : visited.entrySet()) {
                Response answer = page.navigate(console + entry.getValue());
                assertThat(answer.status()).as(entry.getKey()).isEqualTo(200);
                List<String> found = ConsolePages.screenshotAndAxe(page, entry.getKey());
                if (!found.isEmpty()) {
                    violations.put(entry.getKey(), found);
                }
            }
        }
        try (BrowserContext context = pages.newContext()) {
            Page page = pages.signedIn(context, "reporting");
            Response answer = page.navigate(console + "territoire");
            assertThat(answer.status()).isEqualTo(200);
            List<String> found = ConsolePages.screenshotAndAxe(page, "territory-territoire");
            if (!found.isEmpty()) {
                violations.put("territoire", found);
            }
        }
        assertThat(violations).isEmpty();
    }
}

package fr.mutualis.e2e.console;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import fr.mutualis.e2e.support.Platform;
import fr.mutualis.localstack.LocalStack;
import fr.mutualis.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What-if scenarios in a real browser: Saint-Aubin's agent defines one from the roadmap's page (projects ticked, an
 * envelope typed in euros), reads its table per year and section (an overrun said in words), and compares the
 * roadmap's scenarios side by side; every page axe-clean. A roadmap of its own, so no other class sees it.
 */
@ExtendWith(Platform.class)
class ScenarioPagesTest {

    @RegisterExtension
    static final ConsolePages pages = ConsolePages.patient();

    private static final String SAINT_AUBIN = "210000030";
    private static final String CAGV = "200000016";

    private static LocalStack stack;
    private static TestHttp gateway;
    private static String console;
    private static String marker;
    private static String roadmapId;

    @BeforeAll
    static void setUp() {
        stack = Platform.stack();
        gateway = Platform.gateway();
        console = stack.consoleUrl();
        marker = "S" + UUID.randomUUID().toString().substring(0, 6);
        String admin = stack.token("platform-admin");
        ConsolePages.registerIfAbsent(gateway, admin, CAGV, CAGV, "Communauté d'agglomération du Grand Val", "EPCI",
                98_000, null);
        ConsolePages.registerIfAbsent(gateway, admin, SAINT_AUBIN, SAINT_AUBIN, "Saint-Aubin", "COMMUNE", 4_100, CAGV);
        String agent = stack.token("staubin-agent");
        roadmapId = ConsolePages.created(() -> gateway.post("/api/portfolio/roadmaps", """
                {"title": "Arbitrages %s", "startYear": 2026, "endYear": 2027, "axes": ["OPEN_DATA", "E_INCLUSION"]}"""
                .formatted(marker), agent, null));
        for (String project : new String[]{"Portail open data", "Médiation numérique"}) {
            ConsolePages.created(() -> gateway.post("/api/portfolio/projects", """
                    {"roadmapId": "%s", "title": "%s %s", "axis": "%s", "theme": "USER_SERVICES",
                     "plannedStart": "2026-01-01", "plannedEnd": "2026-12-31",
                     "estimatedInvestmentCents": 1000000, "estimatedOperatingCents": 200000}"""
                    .formatted(roadmapId, project, marker, project.startsWith("Portail") ? "OPEN_DATA" : "E_INCLUSION"),
                    agent, null));
        }
    }

    @Test
    void aScenarioIsDefinedFromTheRoadmapShowsItsGapsInWordsAndIsComparedSideBySide() {
        try (BrowserContext context = pages.newContext()) {
            Page page = pages.signedIn(context, "staubin-agent");
            page.navigate(console + "feuilles-de-route/" + roadmapId);
            assertThat(page.locator("#section-scenarios")).containsText("Aucun scénario");
            assertThat(ConsolePages.screenshotAndAxe(page, "scenarios-feuille-de-route")).isEmpty();

            // No name: refused by the API, the form comes back with what was typed and the message by the field.
            page.getByLabel(Pattern.compile("Portail open data " + marker)).check();
            page.locator("#envelope-2026-INVESTMENT").fill("5 000,00");
            Response refused = ConsolePages.submit(page, "#creer-scenario");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.locator("#erreur-name")).isVisible();
            assertThat(page.locator("#scenario-name")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#envelope-2026-INVESTMENT")).hasValue("5 000,00");
            assertThat(page.getByLabel(Pattern.compile("Portail open data " + marker))).isChecked();

            page.locator("#scenario-name").fill("Open data d'abord " + marker);
            page.locator("#creer-scenario").click();
            assertThat(page).hasURL(Pattern.compile(".*/scenarios/[0-9a-f-]{36}$"));
            assertThat(page.locator("h1")).hasText("Open data d'abord " + marker);
            // 10 000,00 € of investment in 2026 against 5 000,00 € entered; nothing planned in 2027, within any credits.
            assertThat(page.locator(".tableau-scenario")).containsText(Pattern.compile("dépassement de 5\\s000,00\\s€"));
            assertThat(page.locator(".tableau-scenario")).containsText("marge de");
            assertThat(page.locator("#projets-scenario")).containsText("Portail open data " + marker);
            assertThat(page.locator("#projets-scenario")).not().containsText("Médiation numérique " + marker);
            assertThat(ConsolePages.screenshotAndAxe(page, "scenario")).isEmpty();

            page.navigate(console + "feuilles-de-route/" + roadmapId);
            page.locator("#scenario-name").fill("Inclusion " + marker);
            page.getByLabel(Pattern.compile("Médiation numérique " + marker)).check();
            page.locator("#creer-scenario").click();
            assertThat(page).hasURL(Pattern.compile(".*/scenarios/[0-9a-f-]{36}$"));

            page.navigate(console + "feuilles-de-route/" + roadmapId);
            page.getByText("Comparer les scénarios côte à côte").click();
            assertThat(page.locator("#synthese-scenarios thead")).containsText("Inclusion " + marker);
            assertThat(page.locator("#synthese-scenarios thead")).containsText("Open data d'abord " + marker);
            assertThat(page.locator("#synthese-scenarios")).containsText("Inclusion numérique");
            assertThat(ConsolePages.screenshotAndAxe(page, "scenarios-cote-a-cote")).isEmpty();
        }
    }
}

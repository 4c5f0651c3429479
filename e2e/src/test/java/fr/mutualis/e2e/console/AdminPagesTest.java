package fr.mutualis.e2e.console;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import fr.mutualis.e2e.support.Platform;
import fr.mutualis.e2e.support.Sirens;
import fr.mutualis.e2e.support.Territory;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Administration in a real browser, as the demo platform administrator: collectivités and mutualisations of this
 * class's own SIRENs (no other class knows them), and the rebuild of governance's read models, awaited until it
 * completes so that the classes running after this one read complete views.
 */
@ExtendWith(Platform.class)
@Isolated("It rebuilds governance's views, which other classes read")
class AdminPagesTest {

    @RegisterExtension
    static final ConsolePages pages = ConsolePages.patient();

    /** One of the demo administrator's collectivités, named in X-Tenant-Id (its token lists four). */
    private static final String LES_AULNES = "210000048";

    private static LocalStack stack;
    private static TestHttp gateway;
    private static String console;
    private static String epci;
    private static String commune;

    @BeforeAll
    static void setUp() {
        stack = Platform.stack();
        gateway = Platform.gateway();
        console = stack.consoleUrl();
        epci = Sirens.next();
        commune = Sirens.next();
    }

    @Test
    void onlyThePlatformAdministratorReachesAdministration() {
        for (String user : List.of("aulnes-agent", "reporting")) {
            try (BrowserContext context = pages.newContext()) {
                Page page = pages.signedIn(context, user);
                assertThat(page.locator("nav a[href$='/administration']")).hasCount(0);
                for (String path : List.of("administration", "administration/annuaire",
                        "administration/reconstruction", "administration/reconstruction/governance/etat")) {
                    Response refused = page.navigate(console + path);
                    assertThat(refused.status()).as(user + " " + path).isEqualTo(403);
                    assertThat(page.locator("h1")).hasText("Accès refusé");
                }
            }
        }
        try (BrowserContext context = pages.newContext()) {
            Page page = pages.signedIn(context, "platform-admin");
            page.locator("nav a[href$='/administration']").click();
            assertThat(page.locator("h1")).hasText("Administration");
            assertThat(page.locator("nav a[aria-current=page]")).hasText("Administration");
        }
    }

    @Test
    void aCollectiviteAndAMutualisationAreRegisteredThroughTheirFormsAfterARefusalShownNextToTheField() {
        try (BrowserContext context = pages.newContext()) {
            Page page = pages.signedIn(context, "platform-admin");
            page.navigate(console + "administration/annuaire");
            page.locator("#collectivite-siren").fill("12345");
            page.locator("#collectivite-name").fill("Communauté de communes du Val d'essai");
            page.locator("#collectivite-kind").selectOption("EPCI");
            page.locator("#collectivite-population").fill("24000");

            Response refused = ConsolePages.submit(page, "#form-collectivite button[type=submit]");

            assertThat(refused.status()).isEqualTo(400);
            // the API's own words, in French: the console asks for it (Accept-Language) and the gateway passes it on
            assertThat(page.locator("#erreur-collectivite-siren"))
                    .hasText("doit être un SIREN : 9 chiffres dont une clé de contrôle valide");
            assertThat(page.locator("#collectivite-siren")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#collectivite-name")).hasValue("Communauté de communes du Val d'essai");
            // the other form of the page names a field "name" too: it stays untouched
            assertThat(page.locator("#erreur-mutualisation-name")).hasCount(0);

            page.locator("#collectivite-siren").fill(epci);
            page.locator("#form-collectivite button[type=submit]").click();
            assertThat(page.locator("[role=status]")).hasText("La collectivité est inscrite à l'annuaire.");
            String admin = stack.token("platform-admin");
            Territory.awaitOk(() -> gateway.get("/api/governance/collectivites/" + epci, admin, LES_AULNES));
            assertThat(gateway.get("/api/governance/collectivites/" + epci, admin, LES_AULNES).json().get("kind").asString())
                    .isEqualTo("EPCI");
            ConsolePages.registerIfAbsent(gateway, admin, LES_AULNES, commune, "Bourg d'essai", "COMMUNE", 1_800, epci);

            page.locator("#mutualisation-name").fill("Service commun d'essai");
            page.locator("#mutualisation-epciSiren").fill(epci);
            refused = ConsolePages.submit(page, "#form-mutualisation button[type=submit]");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.locator("#erreur-mutualisation-memberSirens")).isVisible();
            assertThat(page.locator("#mutualisation-epciSiren")).hasValue(epci);
            assertThat(page.locator("#erreur-collectivite-name")).hasCount(0);

            page.locator("#mutualisation-memberSirens").fill(commune);
            page.locator("#form-mutualisation button[type=submit]").click();
            assertThat(page).hasURL(Pattern.compile(".*/administration/mutualisations/[0-9a-f-]{36}$"));
            assertThat(page.locator("[role=status]")).hasText("La mutualisation est créée.");
            assertThat(page.locator("h1")).hasText("Service commun d'essai");
            assertThat(page.locator("#membres")).hasText(commune);
        }
    }

    @Test
    void rebuildOfGovernanceIsFollowedByItsProgressBarUntil100Percent() {
        String admin = stack.token("platform-admin");
        try (BrowserContext context = pages.newContext()) {
            Page page = pages.signedIn(context, "platform-admin");
            page.navigate(console + "administration/reconstruction");
            assertThat(page.locator("#reconstruction-governance progress")).hasCount(1);
            assertThat(page.locator("#pourcentage-governance")).hasAttribute("aria-live", "polite");

            page.locator("#reconstruction-governance button[type=submit]").click();

            assertThat(page.locator("[role=status]")).containsText("La reconstruction a commencé");
            assertThat(page.locator("#pourcentage-governance"))
                    .hasText(Pattern.compile("^100 %.*"), new com.microsoft.playwright.assertions.LocatorAssertions
                            .HasTextOptions().setTimeout(180_000));
            assertThat(page.locator("#reconstruction-governance progress")).hasAttribute("value", "100");
            assertThat(page.locator("#libelle-governance")).hasText("Reconstruction terminée.");
            // once done the fragment stops polling
            assertThat(page.locator("#etat-governance")).not().hasAttribute("hx-trigger", "every 1s");
        }
        // the next classes read governance's views: they are complete again
        await().atMost(Duration.ofMinutes(3)).until(() -> "COMPLETED".equals(
                gateway.get("/api/governance/admin/rebuild", admin, LES_AULNES).json().get("state").asString()));
    }

    @Test
    void everyAdministrationPagePassesAxe() {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        try (BrowserContext context = pages.newContext()) {
            Page page = pages.signedIn(context, "platform-admin");
            Map<String, String> visited = new LinkedHashMap<>();
            visited.put("admin-administration", "administration");
            visited.put("admin-annuaire", "administration/annuaire");
            visited.put("admin-reconstruction", "administration/reconstruction");
            for (Map.Entry<String, String> entry : visited.entrySet()) {
                Response answer = page.navigate(console + entry.getValue());
                assertThat(answer.status()).as(entry.getKey()).isEqualTo(200);
                List<String> found = ConsolePages.screenshotAndAxe(page, entry.getKey());
                if (!found.isEmpty()) {
                    violations.put(entry.getKey(), found);
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}

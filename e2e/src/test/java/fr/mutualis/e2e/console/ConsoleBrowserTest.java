package fr.mutualis.e2e.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SameSiteAttribute;
import fr.mutualis.e2e.support.Platform;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person uses the console in a real browser, through the gateway of the run's stack, signed in at the issuer with
 * the demo users. The data is made here through the API, for Les Aulnes (and the CAGV for the switcher): Valmont and
 * Saint-Aubin are only read, never written, since other classes of the run count their data.
 */
@ExtendWith(Platform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    @RegisterExtension
    static final ConsolePages pages = ConsolePages.withDefaultAssertions();

    private static final String LES_AULNES = "210000048";
    private static final String SAINT_AUBIN = "210000030";
    private static final String CAGV = "200000016";
    private static final String HOSTILE_TITLE = "<script>alert(1)</script>";
    /** Screenshots of the main pages, copied to docs/console/ when they change. */
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    /** The console refreshes a token 30 s before it expires: past this point, every request of a session refreshes. */
    private static final Duration REFRESH_POINT = Platform.CONSOLE_ACCESS_TOKEN_TTL.minusSeconds(30).plusMillis(500);
    private static final String SESSION_COOKIE = "MUTUALIS_CONSOLE_SESSION";

    private static LocalStack stack;
    private static TestHttp gateway;
    private static String console;
    private static String marker;
    private static String roadmapId;
    private static String projectId;
    private static String hostileProjectId;
    private static String instanceId;
    private static String weightedRoadmapId;
    /**
     * Signed in when the class starts and left alone while the other tests run, so that its access token has expired
     * by the time {@link #logoutWorksAfterTheConsoleRefreshedTheAccessToken} (the last test) uses it, instead of that
     * test waiting out the token's lifetime by itself.
     */
    private static BrowserContext idleContext;
    private static Page idlePage;
    private static long idleSince;

    @BeforeAll
    static void setUp() {
        stack = Platform.stack();
        gateway = Platform.gateway();
        console = stack.consoleUrl();
        marker = "C" + UUID.randomUUID().toString().substring(0, 6);
        String admin = stack.token("platform-admin");
        ConsolePages.registerIfAbsent(gateway, admin, CAGV, "Communauté d'agglomération du Grand Val", "EPCI", 98_000, null);
        ConsolePages.registerIfAbsent(gateway, admin, LES_AULNES, "Les Aulnes", "COMMUNE", 3_200, CAGV);
        ConsolePages.registerIfAbsent(gateway, admin, SAINT_AUBIN, "Saint-Aubin-sur-Val", "COMMUNE", 6_500, CAGV);

        String aulnes = stack.token("aulnes-agent");
        roadmapId = ConsolePages.created(gateway.post("/api/portfolio/roadmaps", """
                {"title": "Feuille de route %s", "startYear": 2026, "endYear": 2028,
                 "axes": ["DEMATERIALISATION", "OPEN_DATA"]}""".formatted(marker), aulnes, null));
        projectId = ConsolePages.created(gateway.post("/api/portfolio/projects", project("Gestion relation usager " + marker),
                aulnes, null));
        hostileProjectId = ConsolePages.created(gateway.post("/api/portfolio/projects", project(HOSTILE_TITLE), aulnes, null));
        instanceId = ConsolePages.created(gateway.post("/api/governance/instances", """
                {"name": "Comité de pilotage %s", "kind": "PORTFOLIO_STEERING_COMMITTEE", "cadence": "QUARTERLY",
                 "members": [
                  {"personId": "p1", "name": "Anne Roy", "role": "présidente", "collectiviteSiren": "%s", "voting": true, "chair": true},
                  {"personId": "p2", "name": "Bruno Caron", "role": "élu", "collectiviteSiren": "%s", "voting": true},
                  {"personId": "p3", "name": "Chloé Petit", "role": "élue", "collectiviteSiren": "%s", "voting": true}]}"""
                .formatted(marker, LES_AULNES, LES_AULNES, LES_AULNES), aulnes, null));
        ConsolePages.created(gateway.post("/api/portfolio/roadmaps", """
                {"title": "Feuille de route de la CAGV %s", "startYear": 2026, "endYear": 2028,
                 "axes": ["SMART_CITY"]}""".formatted(marker), stack.token("cagv-agent"), null));

        // A roadmap whose ranking only its weights decide: one project strong on strategy, one on users' value.
        weightedRoadmapId = ConsolePages.created(gateway.post("/api/portfolio/roadmaps", """
                {"title": "Pondération %s", "startYear": 2026, "endYear": 2028, "axes": ["DEMATERIALISATION"]}"""
                .formatted(marker), aulnes, null));
        assessed(project("Stratégie " + marker, weightedRoadmapId), 5, 0, aulnes);
        assessed(project("Usagers " + marker, weightedRoadmapId), 0, 5, aulnes);

        idleContext = newContext();
        idlePage = signedIn(idleContext, "aulnes-agent");
        idleSince = System.nanoTime();
    }

    // ------------------------------------------------------------------------------------------------ sign-in

    @Test
    void personSignsInAtTheIssuerSeesTheirCollectiviteAndLogsOut() {
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            page.navigate(console);
            assertThat(page).hasURL(Pattern.compile(js(stack.issuerUrl()) + "/login.*"));
            assertThat(page.locator("html")).hasAttribute("lang", "fr");
            page.locator("#username").fill("aulnes-agent");
            page.locator("#password").fill("demo");
            page.locator("button[type=submit]").click();

            assertThat(page).hasURL(home());
            assertThat(page.locator("h1")).hasText("Tableau de bord");
            assertThat(page.locator("#collectivite-active")).hasText("Les Aulnes");
            assertThat(page.locator("nav a")).hasText(new String[]{"Tableau de bord", "Projets", "Budget",
                    "Gouvernance", "Évaluation", "Services communs"});
            Cookie session = context.cookies(console).stream()
                    .filter(cookie -> cookie.name.equals(SESSION_COOKIE)).findFirst().orElseThrow();
            assertThat(session.httpOnly).isTrue();
            assertThat(session.sameSite).isEqualTo(SameSiteAttribute.LAX);
            // the browser holds no token: only the session cookies of the console and of the issuer
            assertThat(context.cookies().stream().map(cookie -> cookie.name).toList())
                    .containsExactlyInAnyOrder(SESSION_COOKIE, "MUTUALIS_ISSUER_SESSION");

            page.locator("form.deconnexion button").click();
            assertThat(page).hasURL(console + "au-revoir");
            assertThat(page.locator("h1")).hasText("Vous êtes déconnecté");
            // signed out at the issuer too: the console asks to sign in again
            page.navigate(console + "projets");
            assertThat(page).hasURL(Pattern.compile(js(stack.issuerUrl()) + "/login.*"));
        }
    }

    @Test
    void scriptsStylesAndTheIconAreNamedByTheirContentSoThatBrowsersKeepThem() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "aulnes-agent");
            List<?> assets = (List<?>) page.locator("script[src], link[rel=stylesheet], link[rel=icon]")
                    .evaluateAll("elements => elements.map(element => element.src || element.href)");

            // the icon named: without it a browser asks for /favicon.ico at every page, an error page each time
            assertThat(assets).hasSize(5);
            for (Object asset : assets) {
                assertThat(String.valueOf(asset)).matches(".*-[0-9a-f]{32}\\.(js|css|svg)$");
                com.microsoft.playwright.APIResponse response = context.request().get(String.valueOf(asset));
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.headers().get("cache-control")).contains("max-age=31536000").contains("public");
            }
        }
    }

    @Test
    void wrongPasswordIsRefusedOnTheSignInPage() {
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            page.navigate(console);
            page.locator("#username").fill("aulnes-agent");
            page.locator("#password").fill("not-the-password");
            page.locator("button[type=submit]").click();

            assertThat(page).hasURL(Pattern.compile(".*/login\\?error"));
            assertThat(page.locator("[role=alert]")).hasText("Identifiant ou mot de passe incorrect.");
            assertThat(page.locator("#username")).hasAttribute("aria-invalid", "true");
        }
    }

    @Test
    void aLostConsoleSessionLeadsBackThroughSignInNeverToAnError() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "aulnes-agent");
            List<Cookie> issuerOnly = context.cookies().stream()
                    .filter(cookie -> !cookie.name.equals(SESSION_COOKIE)).toList();
            context.clearCookies();
            context.addCookies(issuerOnly);

            Response answer = page.navigate(console + "projets");

            // the issuer still knows the person: they come straight back to the page they asked for
            assertThat(answer.status()).isEqualTo(200);
            assertThat(page).hasURL(Pattern.compile("^" + js(console) + "projets(\\?continue)?$"));
            assertThat(page.locator("h1")).hasText("Projets");
        }
    }

    // ------------------------------------------------------------------------------------------------ forms

    @Test
    void roadmapFormRefusalIsShownNextToTheFieldAndKeepsWhatWasTyped() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "aulnes-agent");
            page.navigate(console + "feuilles-de-route");
            page.locator("#title").fill("Schéma directeur " + marker);
            page.locator("#startYear").fill("1999");
            page.locator("#endYear").fill("2029");
            page.locator("#axe-E_INCLUSION").check();

            Response refused = ConsolePages.submit(page, "form.formulaire button[type=submit]");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.locator("#erreur-startYear")).isVisible();
            assertThat(page.locator("#startYear")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#startYear")).hasAttribute("aria-describedby", "erreur-startYear");
            assertThat(page.locator("#startYear")).hasValue("1999");
            assertThat(page.locator("#title")).hasValue("Schéma directeur " + marker);
            assertThat(page.locator("#axe-E_INCLUSION")).isChecked();
            assertThat(page.locator("#erreur-title")).hasCount(0);

            page.locator("#startYear").fill("2027");
            page.locator("form.formulaire button[type=submit]").click();

            assertThat(page).hasURL(Pattern.compile(js(console) + "feuilles-de-route/[0-9a-f-]{36}"));
            assertThat(page.locator("h1")).hasText("Schéma directeur " + marker);
            assertThat(page.locator("[role=status]")).hasText("La feuille de route est créée (brouillon).");
        }
    }

    @Test
    void projectFormRefusesAnAmountThatIsNotOneAndAnImplausibleDateAndCreatesTheProjectOnceCorrected() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "aulnes-agent");
            page.navigate(console + "projets/nouveau?roadmapId=" + roadmapId);
            page.locator("#title").fill("Portail citoyen " + marker);
            page.locator("#axis").selectOption("E_DEMOCRACY");
            page.locator("#theme").selectOption("USER_SERVICES");
            page.locator("#plannedStart").fill("2026-04-01");
            page.locator("#plannedEnd").fill("2027-03-31");
            page.locator("#estimatedInvestmentCents").fill("beaucoup");
            page.locator("#estimatedOperatingCents").fill("12 000,50");

            Response refused = ConsolePages.submit(page, "form.formulaire button[type=submit]");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.locator("#erreur-estimatedInvestmentCents")).isVisible();
            assertThat(page.locator("#estimatedInvestmentCents")).hasValue("beaucoup");
            assertThat(page.locator("#title")).hasValue("Portail citoyen " + marker);

            // a year nobody means, refused by the API in French next to the date, the form kept
            page.locator("#estimatedInvestmentCents").fill("1 234 567,89");
            page.locator("#plannedStart").fill("1850-04-01");
            Response implausible = ConsolePages.submit(page, "form.formulaire button[type=submit]");

            assertThat(implausible.status()).isEqualTo(400);
            assertThat(page.locator("#erreur-plannedStart"))
                    .containsText("la date doit être comprise entre le 01/01/1900 et le 31/12/2200");
            assertThat(page.locator("#plannedStart")).hasValue("1850-04-01");
            assertThat(page.locator("#estimatedInvestmentCents")).hasValue("1 234 567,89");

            page.locator("#plannedStart").fill("2026-04-01");
            page.locator("form.formulaire button[type=submit]").click();

            assertThat(page).hasURL(Pattern.compile(js(console) + "projets/[0-9a-f-]{36}"));
            assertThat(page.locator("h1")).hasText("Portail citoyen " + marker);
            assertThat(page.locator("dl.fiche")).containsText("1\u202F234\u202F567,89\u00A0€");
            assertThat(page.locator("dl.fiche")).containsText("01/04/2026 – 31/03/2027");
            assertThat(page.locator("#statut")).hasText("Proposé");
            // proposed: assessing and cancelling are offered; starting needs governance's approval first
            assertThat(page.locator("#cycle ~ .actions button")).hasText(new String[]{"Abandonner"});
        }
    }

    @Test
    void assessmentMilestonesAndHistoryOnTheProjectPage() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "aulnes-agent");
            page.navigate(console + "projets/" + projectId);
            for (String criterion : List.of("strategicAlignment", "userValue", "agentValue", "legalObligation",
                    "feasibility", "risk")) {
                page.locator("#" + criterion).fill("3");
            }
            page.locator("#strategicAlignment").fill("9");
            Response refused = ConsolePages.submit(page, "#evaluation ~ form button[type=submit]");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.locator("#erreur-strategicAlignment")).isVisible();
            assertThat(page.locator("#strategicAlignment")).hasValue("9");

            page.locator("#strategicAlignment").fill("4");
            page.locator("#evaluation ~ form button[type=submit]").click();
            assertThat(page.locator("#statut")).hasText("Évalué");
            assertThat(page.locator("[role=status]")).hasText("L'évaluation est enregistrée.");

            page.locator("#plannedDate").fill("2026-01-15");
            Response noTitle = ConsolePages.submit(page, "#jalons ~ form button[type=submit]");
            assertThat(noTitle.status()).isEqualTo(400);
            assertThat(page.locator("#erreur-title")).isVisible();
            assertThat(page.locator("#plannedDate")).hasValue("2026-01-15");

            page.locator("#milestone-title").fill("Recette " + marker);
            page.locator("#jalons ~ form button[type=submit]").click();
            // the project's read model shows the milestone once its event is projected: reload as a person would
            reloadUntilContains(page, page.locator("#jalons ~ table"), "Recette " + marker);
            assertThat(page.locator("#jalons ~ table")).containsText("15/01/2026");
            assertThat(page.locator("#jalons ~ table")).containsText("jours de retard");
            assertThat(page.locator("#historique ~ table")).containsText("Projet évalué");
            assertThat(page.locator("#historique ~ table")).containsText("Agent des Aulnes");
        }
    }

    @Test
    void aSeanceFromSchedulingToItsMinutes() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "aulnes-agent");
            page.navigate(console + "gouvernance/instances/" + instanceId);
            assertThat(page.locator("h1")).hasText("Comité de pilotage " + marker);
            page.locator("#kind-0").selectOption("PRIORITISATION");
            page.locator("#title-0").fill("Priorités de la feuille de route " + marker);
            Response refused = ConsolePages.submit(page, "#convoquer ~ form button[type=submit]");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.locator("#erreur-scheduledAt")).isVisible();
            assertThat(page.locator("#title-0")).hasValue("Priorités de la feuille de route " + marker);
            assertThat(page.locator("#kind-0")).hasValue("PRIORITISATION");

            page.locator("#scheduledAt").fill("2026-03-16T18:00");
            page.locator("#convoquer ~ form button[type=submit]").click();
            assertThat(page).hasURL(Pattern.compile(js(console) + "gouvernance/seances/[0-9a-f-]{36}"));
            assertThat(page.locator("dl.fiche")).containsText("16/03/2026 à 18h00");

            page.locator("#present-p1").check();
            page.locator("#present-p2").check();
            page.locator("#presences button[type=submit]").click();
            assertThat(page.locator("[role=status]")).hasText("Les présences sont enregistrées.");

            page.locator("#votesFor").fill("deux");
            page.locator("#votesAgainst").fill("0");
            page.locator("#abstentions").fill("0");
            Response badVotes = ConsolePages.submit(page, "#decisions form button[type=submit]");
            assertThat(badVotes.status()).isEqualTo(400);
            assertThat(page.locator("#erreur-votesFor")).isVisible();

            page.locator("#votesFor").fill("2");
            page.locator("#decisions form button[type=submit]").click();
            assertThat(page.locator("#decisions table")).containsText("Adoptée");

            page.locator("#cloture ~ form button[type=submit]").click();
            assertThat(page).hasURL(Pattern.compile(".*/proces-verbal"));
            assertThat(page.locator("h1")).containsText("Procès-verbal");
            assertThat(page.locator(".texte-pv")).containsText("Priorités de la feuille de route " + marker);

            page.navigate(console + "gouvernance/deliberations?q=" + marker);
            assertThat(page.locator("table.donnees tbody tr")).hasCount(1);
            assertThat(page.locator("table.donnees")).containsText("Priorités de la feuille de route " + marker);

            // dates the register refuses are said next to the field, in French, the filters kept
            page.locator("#from").fill("2026-06-01");
            page.locator("#to").fill("2026-01-01");
            Response reversed = page.waitForResponse(answer -> answer.url().contains("deliberations?"),
                    () -> page.locator("form.filtres button[type=submit]").click());
            assertThat(reversed.status()).isEqualTo(400);
            assertThat(page.locator("#erreur-from")).hasText("La date de début ne doit pas être après la date de fin.");
            assertThat(page.locator("#probleme")).containsText("Du : La date de début ne doit pas être après la date de fin.");
            assertThat(Axe.seriousViolations(page)).as("the refused register").isEmpty();
            assertThat(page.locator("#to")).hasValue("2026-01-01");
            assertThat(page.locator("#q")).hasValue(marker);
            page.locator("#from").fill("1850-01-01");
            Response implausible = page.waitForResponse(answer -> answer.url().contains("deliberations?"),
                    () -> page.locator("form.filtres button[type=submit]").click());
            assertThat(implausible.status()).isEqualTo(400);
            assertThat(page.locator("#erreur-from"))
                    .hasText("la date doit être comprise entre le 01/01/1900 et le 31/12/2200");
            assertThat(page.locator("#from")).hasValue("1850-01-01");
            // the export of the same filters: a page saying the refusal in French, not an outage
            Response export = page.navigate(console + "gouvernance/deliberations/export.csv?from=1850-01-01");
            assertThat(export.status()).isEqualTo(400);
            assertThat(page.locator("h1")).hasText("Demande refusée");
            assertThat(page.locator("main li"))
                    .containsText(new String[]{"la date doit être comprise entre le 01/01/1900 et le 31/12/2200"});
            assertThat(Axe.seriousViolations(page)).as("the refused request's page").isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------------ safety

    @Test
    void titlesAreEscapedNeverRun() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "aulnes-agent");
            List<String> dialogs = new ArrayList<>();
            page.onDialog(dialog -> {
                dialogs.add(dialog.message());
                dialog.dismiss();
            });
            page.navigate(console + "projets/" + hostileProjectId);
            assertThat(page.locator("h1")).hasText(HOSTILE_TITLE);
            page.navigate(console + "projets");
            assertThat(page.locator("table.donnees")).containsText(HOSTILE_TITLE);
            assertThat(dialogs).isEmpty();
        }
    }

    @Test
    void saintAubinNeverSeesAnotherCollectivitesProjectInAnyPage() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "staubin-agent");
            assertThat(page.locator("#collectivite-active")).hasText("Saint-Aubin-sur-Val");

            Response project = page.navigate(console + "projets/" + projectId);
            assertThat(project.status()).isEqualTo(404);
            assertThat(page.locator("h1")).hasText("Page introuvable");
            assertThat(page.content()).doesNotContain(marker);
            Response roadmap = page.navigate(console + "feuilles-de-route/" + roadmapId);
            assertThat(roadmap.status()).isEqualTo(404);
            Response instance = page.navigate(console + "gouvernance/instances/" + instanceId);
            assertThat(instance.status()).isEqualTo(404);
            for (String list : List.of("", "projets", "feuilles-de-route", "gouvernance", "gouvernance/deliberations")) {
                page.navigate(console + list);
                assertThat(page.content()).as(list).doesNotContain(marker);
            }
        }
    }

    @Test
    void switcherNamesEachCollectiviteAndChangesWhatThePagesShow() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "platform-admin");
            Locator switcher = page.locator("#siren");
            assertThat(switcher.locator("option[value='" + LES_AULNES + "']")).hasText("Les Aulnes");
            assertThat(switcher.locator("option[value='" + CAGV + "']"))
                    .hasText("Communauté d'agglomération du Grand Val");

            switcher.selectOption(CAGV);
            page.locator("form.switcher button").click();
            assertThat(page.locator("#collectivite-active")).hasText("Communauté d'agglomération du Grand Val");
            page.navigate(console + "feuilles-de-route");
            assertThat(page.locator("table.donnees")).containsText("Feuille de route de la CAGV " + marker);
            assertThat(page.locator("table.donnees")).not().containsText("Feuille de route " + marker + "\n");

            page.locator("#siren").selectOption(LES_AULNES);
            page.locator("form.switcher button").click();
            assertThat(page.locator("#collectivite-active")).hasText("Les Aulnes");
            page.navigate(console + "feuilles-de-route");
            assertThat(page.locator("table.donnees")).containsText("Feuille de route " + marker);
            assertThat(page.locator("table.donnees")).not().containsText("Feuille de route de la CAGV " + marker);
        }
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "aulnes-agent");
            String title = "Sans jeton " + marker;

            com.microsoft.playwright.APIResponse forged = context.request().post(console + "feuilles-de-route",
                    RequestOptions.create().setForm(FormData.create().set("title", title).set("startYear", "2027")
                            .set("endYear", "2028").set("axes", "OPEN_DATA")).setMaxRedirects(0));

            assertThat(forged.status()).isEqualTo(403);
            page.navigate(console + "feuilles-de-route");
            assertThat(page.locator("table.donnees")).not().containsText(title);
        }
    }

    // ------------------------------------------------------------------------------------------------ ranking weights

    @Test
    void rankingWeightsAreSetInPlaceWithTheRefusalNextToTheField() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "aulnes-agent");
            page.navigate(console + "feuilles-de-route/" + weightedRoadmapId);
            Locator ranking = page.locator("#classement table.donnees").first();
            reloadUntilContains(page, ranking, "Usagers " + marker);
            reloadUntilContains(page, ranking, "Stratégie " + marker);
            markDocument(page);

            page.locator("#poids-strategicAlignment").fill("11");
            Response refused = page.waitForResponse(response -> partial(response, "POST"),
                    () -> page.locator("#ponderer").click());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.locator("#erreur-strategicAlignment")).containsText("10");
            assertThat(page.locator("#poids-strategicAlignment")).hasValue("11");
            assertThat(page.locator("#poids-strategicAlignment")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("[role=alert]")).isVisible();

            weigh(page, "10", "1");
            assertThat(page.locator("[role=status]")).hasText("La pondération est appliquée : le classement est recalculé.");
            assertThat(ranking.locator("tbody tr").first()).containsText("Stratégie " + marker);
            weigh(page, "0", "10");
            assertThat(ranking.locator("tbody tr").first()).containsText("Usagers " + marker);
            assertThat(page.locator("#erreur-strategicAlignment")).hasCount(0);
            assertSameDocument(page);

            JsonNode weights = gateway.get("/api/portfolio/roadmaps/" + weightedRoadmapId,
                    stack.token("aulnes-agent"), null).json().get("weights");
            assertThat(weights.get("strategicAlignment").asInt()).isZero();
            assertThat(weights.get("userValue").asInt()).isEqualTo(10);
        }
    }

    @Test
    void aReadOnlyRoleSeesTheWeightsButNoFormAndTheApiRefusesItToo() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "reporting");
            page.locator("#siren").selectOption(LES_AULNES);
            page.locator("form.switcher button").click();
            page.navigate(console + "feuilles-de-route/" + weightedRoadmapId);

            assertThat(page.locator("h1")).hasText("Pondération " + marker);
            assertThat(page.locator("#table-ponderations")).isVisible();
            assertThat(page.locator("#classement form")).hasCount(0);
            assertThat(page.locator("#ponderer")).hasCount(0);
            TestHttp.Response refused = gateway.put("/api/portfolio/roadmaps/" + weightedRoadmapId + "/weights", """
                    {"strategicAlignment": 1, "userValue": 1, "agentValue": 1, "legalObligation": 1,
                     "feasibility": 1, "risk": 1}""", stack.token("reporting"), LES_AULNES);
            assertThat(refused.status()).isEqualTo(403);
        }
    }

    // ------------------------------------------------------------------------------------------------ partial updates

    @Test
    void filtersReplaceOnlyTheTableWithHtmxAndTheSameUrlServesTheWholePageWithoutJavaScript() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "aulnes-agent");
            page.navigate(console + "projets");
            markDocument(page);
            page.locator("#filtre-status").selectOption("ASSESSED");

            Response answer = page.waitForResponse(response -> partial(response, "GET"),
                    () -> page.locator("form.filtres button[type=submit]").click());

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text()).contains("id=\"resultats\"").doesNotContain("<header", "<nav");
            assertThat(page).hasURL(Pattern.compile(js(console) + "projets\\?status=ASSESSED.*"));
            assertThat(page.locator("#resultats table.donnees")).containsText("Stratégie " + marker);
            assertThat(page.locator("#resultats table.donnees")).not().containsText(HOSTILE_TITLE);
            assertThat(page.locator("#annonce-resultats")).containsText("projet(s) trouvé(s)");
            assertSameDocument(page);
        }
        try (BrowserContext context = browserContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = signedIn(context, "aulnes-agent");
            page.navigate(console + "projets");
            page.locator("#filtre-status").selectOption("ASSESSED");
            page.locator("form.filtres button[type=submit]").click();

            assertThat(page).hasURL(Pattern.compile(js(console) + "projets\\?status=ASSESSED.*"));
            assertThat(page.locator("header.bandeau")).isVisible();
            assertThat(page.locator("#resultats table.donnees")).containsText("Stratégie " + marker);
            assertThat(page.locator("#resultats table.donnees")).not().containsText(HOSTILE_TITLE);
        }
    }

    // ------------------------------------------------------------------------------------------------ keyboard

    @Test
    void withTheKeyboardAloneAPersonSkipsToTheContentSwitchesCollectiviteAndCreatesAProject() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "platform-admin");
            Keyboard keys = page.keyboard();

            keys.press("Tab");
            assertThat(page.locator("a.skip")).isFocused();
            assertThat(focusOutline(page)).isEqualTo("solid 3px");
            keys.press("Enter");
            assertThat(page.locator("#contenu")).isFocused();

            tabTo(page, "#siren");
            keys.type("Les");
            tabTo(page, "form.switcher button");
            keys.press("Space");
            assertThat(page.locator("#collectivite-active")).hasText("Les Aulnes");

            tabTo(page, "nav a[href$='/projets']");
            assertThat(focusOutline(page)).isEqualTo("solid 3px");
            keys.press("Enter");
            assertThat(page.locator("h1")).hasText("Projets");
            tabTo(page, "p.actions a.bouton");
            keys.press("Enter");
            assertThat(page.locator("h1")).hasText("Nouveau projet");

            tabTo(page, "#roadmapId");
            keys.type("Pond");
            tabTo(page, "#title");
            keys.type("Clavier " + marker);
            // type-ahead: a select takes the option its typed letters begin (the first "D" under load, when the
            // letters come more than a second apart; the axis itself is not what this test is about)
            tabTo(page, "#axis");
            keys.type("Dém");
            tabTo(page, "#theme");
            keys.type("Services aux");
            tabTo(page, "#sponsor");
            keys.type("Maire adjoint");
            tabTo(page, "#manager");
            keys.type("DSI");
            // typed in the French order, day first: the browser's date fields follow its locale
            tabTo(page, "#plannedStart");
            keys.type("01042026");
            tabTo(page, "#plannedEnd");
            keys.type("31032027");
            assertThat(page.locator("#plannedStart")).hasValue("2026-04-01");
            tabTo(page, "#estimatedInvestmentCents");
            keys.type("150 000");
            tabTo(page, "#estimatedOperatingCents");
            keys.type("10 000");
            tabTo(page, "form.formulaire button[type=submit]");
            assertThat(focusOutline(page)).isEqualTo("solid 3px");
            keys.press("Enter");

            assertThat(page).hasURL(Pattern.compile(js(console) + "projets/[0-9a-f-]{36}"));
            assertThat(page.locator("h1")).hasText("Clavier " + marker);
            assertThat(page.locator("dl.fiche")).containsText("01/04/2026 – 31/03/2027");
            assertThat(page.locator(".fil a").nth(1)).hasAttribute("href", Pattern.compile(".*" + weightedRoadmapId));
        }
    }

    // ------------------------------------------------------------------------------------------------ sessions

    @Test
    @Order(Integer.MAX_VALUE)
    void logoutWorksAfterTheConsoleRefreshedTheAccessToken() {
        try (BrowserContext context = idleContext) {
            Page page = idlePage;
            // past the access token's lifetime (shortened for the run by Platform): only a refresh keeps them in. The
            // person signed in when the class started; what the other tests did not already fill is waited here.
            Duration pastTheLifetime = Platform.CONSOLE_ACCESS_TOKEN_TTL.plusSeconds(3);
            Duration left = pastTheLifetime.minus(Duration.ofNanos(System.nanoTime() - idleSince));
            if (left.isPositive()) {
                page.waitForTimeout(left.toMillis() + 1);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - idleSince)).as("signed in for").isGreaterThan(pastTheLifetime);
            List<String> issuerPages = new ArrayList<>();
            page.onRequest(request -> {
                if (request.url().startsWith(stack.issuerUrl())) {
                    issuerPages.add(request.url());
                }
            });

            Response projects = page.navigate(console + "projets");

            assertThat(projects.status()).isEqualTo(200);
            assertThat(page.locator("h1")).hasText("Projets");
            assertThat(issuerPages).as("refreshed by the console, not signed in again").isEmpty();
            page.locator("form.deconnexion button").click();
            assertThat(page).hasURL(console + "au-revoir");
            page.navigate(console + "projets");
            assertThat(page).hasURL(Pattern.compile(js(stack.issuerUrl()) + "/login.*"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void requestsOfOneSessionFindingTheTokenExpiringTogetherRefreshItOnceAndThePersonStaysSignedIn() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "aulnes-agent");
            List<String> issuerPages = new ArrayList<>();
            page.onRequest(request -> {
                if (request.url().startsWith(stack.issuerUrl())) {
                    issuerPages.add(request.url());
                }
            });

            // Six requests of the session at once (tabs, htmx fragments), twice. The issuer rotates refresh tokens:
            // refreshed by each, the session would keep one of six while the issuer knows another, and a refresh
            // with a token already consumed is refused; either signs the person out, at once or at the next refresh.
            // The first six go through the gateway, which spreads them over the two console replicas of the run.
            page.waitForTimeout(REFRESH_POINT.toMillis());
            List<Object> answers = (List<Object>) page.evaluate("""
                    url => Promise.all(Array.from({length: 6}, (_, n) => fetch(url + n,
                            {redirect: 'manual', cache: 'no-store'})
                        .then(answer => answer.type + ' ' + answer.status)))""", console + "projets?n=");
            assertThat(answers).as("each answered with the page, none sent to sign in again")
                    .containsExactly("basic 200", "basic 200", "basic 200", "basic 200", "basic 200", "basic 200");
            // The next six go three to each replica, straight: the two must not both refresh.
            page.waitForTimeout(REFRESH_POINT.toMillis());
            assertThat(sixRequestsOnBothReplicas(context)).as("each answered with the page by its replica, none "
                    + "sent to sign in again").containsExactly(200, 200, 200, 200, 200, 200);
            page.waitForTimeout(REFRESH_POINT.toMillis());
            Response next = page.navigate(console + "projets");

            assertThat(next.status()).isEqualTo(200);
            assertThat(page.locator("h1")).hasText("Projets");
            assertThat(issuerPages).as("refreshed by the console, never signed in again").isEmpty();
        }
    }

    @Test
    void aRefreshTheIssuerRefusesSendsThePersonThroughSignInBackToThePageNeverToAnError() {
        try (BrowserContext context = newContext()) {
            // a person no other test of this class keeps signed in: their authorizations are about to end
            Page page = signedIn(context, "staubin-agent");
            List<String> authorizeRequests = new ArrayList<>();
            List<Integer> statuses = new ArrayList<>();
            page.onRequest(request -> {
                if (request.url().startsWith(stack.issuerUrl() + "/oauth2/authorize")) {
                    authorizeRequests.add(request.url());
                }
            });
            page.onResponse(response -> statuses.add(response.status()));
            page.waitForTimeout(REFRESH_POINT.toMillis());
            // As when the person's session at the issuer expired (Keycloak's idle SSO session) while the console's
            // lived on: the refresh token the console holds is refused. Their sign-in at the issuer stays.
            stack.endIssuerAuthorizationsOf("staubin-agent");

            page.navigate(console + "projets");

            assertThat(statuses).as("no error page").noneMatch(status -> status >= 500);
            assertThat(authorizeRequests).as("sent to the issuer for new tokens").isNotEmpty();
            assertThat(page).hasURL(Pattern.compile("^" + js(console) + "projets(\\?continue)?$"));
            assertThat(page.locator("h1")).hasText("Projets");
        }
    }

    /** {@code GET /projets} six times at once with the session's cookie, alternately on each console replica. */
    private static List<Integer> sixRequestsOnBothReplicas(BrowserContext context) {
        String cookie = context.cookies().stream().filter(candidate -> candidate.name.equals(SESSION_COOKIE))
                .map(candidate -> candidate.name + "=" + candidate.value).findFirst().orElseThrow();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            URI replica = URI.create("http://localhost:" + stack.instancePort("console", n % 2) + "/projets?n=" + n);
            answers.add(http.sendAsync(HttpRequest.newBuilder(replica).header("Cookie", cookie)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()));
        }
        return answers.stream().map(answer -> answer.join().statusCode()).toList();
    }

    @Test
    void aFormSentAfterTheSessionEndedLeadsThroughSignInBackToItsPageNeverToAnError() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "aulnes-agent");
            page.navigate(console + "projets/" + hostileProjectId);
            List<Integer> statuses = new ArrayList<>();
            page.onResponse(response -> statuses.add(response.status()));
            // the session ended on the server (expired; the cookie names none) and at the issuer
            endSessions(context);
            page.locator("#strategicAlignment").fill("3");

            page.locator("#evaluer").click();

            assertThat(page).hasURL(Pattern.compile(js(stack.issuerUrl()) + "/login.*"));
            page.locator("#username").fill("aulnes-agent");
            page.locator("#password").fill("demo");
            page.locator("button[type=submit]").click();
            assertThat(page).hasURL(Pattern.compile("^" + js(console) + "projets/" + hostileProjectId
                    + "(\\?continue)?$"));
            assertThat(page.locator("#statut")).hasText("Proposé");

            endSessions(context);
            Response again = page.navigate(console + "feuilles-de-route");
            assertThat(again.status()).isEqualTo(200);
            assertThat(page).hasURL(Pattern.compile(js(stack.issuerUrl()) + "/login.*"));
            assertThat(statuses).noneMatch(status -> status >= 500);
        }
    }

    // ------------------------------------------------------------------------------------------------ accessibility

    @Test
    void everyPagePassesAxeWithoutSeriousOrCriticalViolation() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "aulnes-agent");
            String sessionId = firstSessionOf(page);
            Map<String, String> paths = new LinkedHashMap<>();
            paths.put("tableau-de-bord", "");
            paths.put("projets", "projets");
            paths.put("nouveau-projet", "projets/nouveau");
            paths.put("projet", "projets/" + projectId);
            paths.put("feuilles-de-route", "feuilles-de-route");
            paths.put("feuille-de-route", "feuilles-de-route/" + roadmapId);
            paths.put("gouvernance", "gouvernance");
            paths.put("instance", "gouvernance/instances/" + instanceId);
            paths.put("registre", "gouvernance/deliberations");
            paths.put("annuaire", "gouvernance/annuaire");
            paths.put("budget", "budget");
            paths.put("evaluation", "evaluation");
            paths.put("introuvable", "projets/" + UUID.randomUUID());
            if (sessionId != null) {
                paths.put("seance", "gouvernance/seances/" + sessionId);
                paths.put("proces-verbal", "gouvernance/seances/" + sessionId + "/proces-verbal");
            }
            Map<String, List<String>> violations = new LinkedHashMap<>();
            for (Map.Entry<String, String> entry : paths.entrySet()) {
                Response answer = page.navigate(console + entry.getValue());
                assertThat(answer.status()).as(entry.getKey()).isIn(200, 404);
                assertThat(page.locator("html")).hasAttribute("lang", "fr");
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(SCREENSHOTS.resolve(entry.getKey() + ".png")));
                List<String> found = Axe.seriousViolations(page);
                if (!found.isEmpty()) {
                    violations.put(entry.getKey(), found);
                }
            }
            page.locator("form.deconnexion button").click();
            assertThat(page).hasURL(console + "au-revoir");
            List<String> loggedOut = Axe.seriousViolations(page);
            if (!loggedOut.isEmpty()) {
                violations.put("au-revoir", loggedOut);
            }
            page.navigate(console);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("connexion.png")));
            List<String> signIn = Axe.seriousViolations(page);
            if (!signIn.isEmpty()) {
                violations.put("connexion", signIn);
            }
            assertThat(violations).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A response to htmx ({@code HX-Request}) for the given method. */
    private static boolean partial(Response response, String method) {
        return response.request().method().equals(method)
                && "true".equals(response.request().headerValue("hx-request"));
    }

    /** Keeps the page's header element, to check later that no navigation replaced the document. */
    private static void markDocument(Page page) {
        page.evaluate("() => { window.bandeauInitial = document.querySelector('header.bandeau'); }");
    }

    private static void assertSameDocument(Page page) {
        assertThat(page.evaluate("() => window.bandeauInitial === document.querySelector('header.bandeau')"))
                .as("the header is the one of the first load: only a region was replaced").isEqualTo(true);
    }

    /** Sets the six weights, strategic alignment and users' value as given and 1 elsewhere, through htmx. */
    private static void weigh(Page page, String strategicAlignment, String userValue) {
        for (String criterion : List.of("agentValue", "legalObligation", "feasibility", "risk")) {
            page.locator("#poids-" + criterion).fill("1");
        }
        page.locator("#poids-strategicAlignment").fill(strategicAlignment);
        page.locator("#poids-userValue").fill(userValue);
        Response applied = page.waitForResponse(response -> partial(response, "GET"),
                () -> page.locator("#ponderer").click());
        assertThat(applied.status()).isEqualTo(200);
    }

    /** Presses Tab (only Tab) until the focused element matches {@code selector}. */
    private static void tabTo(Page page, String selector) {
        for (int presses = 0; presses < 80; presses++) {
            if (Boolean.TRUE.equals(page.evaluate("s => document.activeElement.matches(s)", selector))) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    /** The focused element's outline, as drawn ({@code :focus-visible}). */
    private static String focusOutline(Page page) {
        return String.valueOf(page.evaluate("() => { const style = getComputedStyle(document.activeElement);"
                + " return style.outlineStyle + ' ' + style.outlineWidth; }"));
    }

    /** The console's session ends on the server (its cookie names none any more), and the issuer's too. */
    private static void endSessions(BrowserContext context) {
        context.clearCookies();
        context.addCookies(List.of(new Cookie(SESSION_COOKIE, "ZmluaXNoZWQ").setUrl(console)));
    }

    private static BrowserContext newContext() {
        return pages.newContext();
    }

    private static BrowserContext browserContext(Browser.NewContextOptions options) {
        return pages.newContext(options);
    }

    private static Page signedIn(BrowserContext context, String user) {
        return pages.signedIn(context, user);
    }

    /**
     * The console's root, where sign-in brings the person back ({@code ?continue} is Spring Security's mark of a
     * request replayed from its cache).
     */
    private static Pattern home() {
        return Pattern.compile("^" + js(console) + "(\\?continue)?$");
    }

    /** {@code literal} as a regular expression both Java and JavaScript read (Playwright runs it in the browser). */
    private static String js(String literal) {
        return literal.replaceAll("[.?*+^$()\\[\\]{}|\\\\/]", "\\\\$0");
    }

    private static void reloadUntilContains(Page page, Locator locator, String text) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (!locator.textContent().contains(text) && System.nanoTime() < deadline) {
            page.waitForTimeout(500);
            page.reload();
        }
        assertThat(locator).containsText(text);
    }

    /** A séance of this class's instance, scheduled through the API when none is there yet. */
    private static String firstSessionOf(Page page) {
        var sessions = gateway.get("/api/governance/instances/" + instanceId + "/sessions",
                stack.token("aulnes-agent"), null).json();
        if (!sessions.isEmpty()) {
            return sessions.get(0).get("id").asString();
        }
        return ConsolePages.created(gateway.post("/api/governance/instances/" + instanceId + "/sessions", """
                {"scheduledAt": "2026-12-15T18:00:00+01:00",
                 "agenda": [{"kind": "INFORMATION", "title": "Point d'étape %s"}]}""".formatted(marker),
                stack.token("aulnes-agent"), null));
    }

    private static String project(String title) {
        return project(title, roadmapId);
    }

    /** A project of the roadmap assessed with these scores for strategic alignment and users' value, 2 elsewhere. */
    private static void assessed(String projectBody, int strategicAlignment, int userValue, String token) {
        String id = ConsolePages.created(gateway.post("/api/portfolio/projects", projectBody, token, null));
        TestHttp.Response answer = gateway.post("/api/portfolio/projects/" + id + "/assessment", """
                {"strategicAlignment": %d, "userValue": %d, "agentValue": 2, "legalObligation": 2, "feasibility": 2,
                 "risk": 2}""".formatted(strategicAlignment, userValue), token, null);
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 299);
    }

    private static String project(String title, String roadmap) {
        return """
                {"roadmapId": "%s", "title": %s, "description": "Projet de la console", "axis": "DEMATERIALISATION",
                 "theme": "USER_SERVICES", "sponsor": "Adjointe au numérique", "manager": "DSI",
                 "plannedStart": "2026-03-01", "plannedEnd": "2027-06-30",
                 "estimatedInvestmentCents": 18000000, "estimatedOperatingCents": 2500000}"""
                .formatted(roadmap, tools.jackson.databind.json.JsonMapper.builder().build()
                        .writeValueAsString(title));
    }
}

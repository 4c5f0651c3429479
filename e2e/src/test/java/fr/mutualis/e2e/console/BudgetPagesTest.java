package fr.mutualis.e2e.console;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import fr.mutualis.e2e.support.Platform;
import fr.mutualis.e2e.support.Territory;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budget and shared-services pages in a real browser. Data is made here through the API for the CAGV's fiscal
 * year 2030 and a mutualisation of its own, which no other class counts; Valmont and Saint-Aubin are only members.
 */
@ExtendWith(Platform.class)
class BudgetPagesTest {

    @RegisterExtension
    static final ConsolePages pages = ConsolePages.withDefaultAssertions();

    private static final String CAGV = "200000016";
    private static final String VALMONT = "210000022";
    private static final String SAINT_AUBIN = "210000030";
    private static final int YEAR = 2030;
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private static LocalStack stack;
    private static TestHttp gateway;
    private static String console;
    private static String marker;
    private static String serversLine;
    private static String softwareLine;
    private static String maintenanceLine;
    private static String closingLine;
    private static String programmeId;
    private static String mutualisationId;

    @BeforeAll
    static void setUp() {
        stack = Platform.stack();
        gateway = Platform.gateway();
        console = stack.consoleUrl();
        marker = "B" + UUID.randomUUID().toString().substring(0, 6);
        String admin = stack.token("platform-admin");
        ConsolePages.registerIfAbsent(gateway, admin, CAGV, "Communauté d'agglomération du Grand Val", "EPCI", 98_000, null);
        ConsolePages.registerIfAbsent(gateway, admin, VALMONT, "Valmont", "COMMUNE", 80_000, CAGV);
        ConsolePages.registerIfAbsent(gateway, admin, SAINT_AUBIN, "Saint-Aubin-sur-Val", "COMMUNE", 6_500, CAGV);

        String cagv = stack.token("cagv-agent");
        serversLine = line(cagv, "INVESTMENT", "21", "Serveurs " + marker, 10_000_000);
        softwareLine = line(cagv, "INVESTMENT", "20", "Logiciels " + marker, 5_000_000);
        maintenanceLine = line(cagv, "OPERATING", "011", "Maintenance " + marker, 3_000_000);
        closingLine = line(cagv, "OPERATING", "65", "Cotisations " + marker, 1_000_000);
        assertThat(gateway.post("/api/budget/votes", """
                {"fiscalYear": %d, "stage": "BP", "lines": [
                  {"lineId": "%s", "creditsCents": 10000000}, {"lineId": "%s", "creditsCents": 5000000},
                  {"lineId": "%s", "creditsCents": 3000000}, {"lineId": "%s", "creditsCents": 1000000}]}"""
                .formatted(YEAR, serversLine, softwareLine, maintenanceLine, closingLine), cagv, null).status())
                .isEqualTo(201);
        assertThat(gateway.put("/api/budget/transfer-rates/" + YEAR, """
                {"investmentPercent": 7.5, "operatingPercent": 5, "deliberation": "DEL-%s"}""".formatted(marker),
                cagv, null).status()).isEqualTo(200);
        programmeId = ConsolePages.created(gateway.post("/api/budget/programmes", """
                {"label": "Renouvellement des serveurs %s", "chapter": "21", "amountCents": 30000000,
                 "schedule": [{"year": 2030, "amountCents": 10000000}, {"year": 2031, "amountCents": 20000000}]}"""
                .formatted(marker), cagv, null));

        String sharedAdmin = stack.token("cagv-shared-admin");
        mutualisationId = ConsolePages.created(gateway.post("/api/governance/mutualisations", """
                {"name": "Service commun SIG %s", "epciSiren": "%s", "memberSirens": ["%s", "%s"],
                 "allocationKey": {"method": "POPULATION"}}""".formatted(marker, CAGV, VALMONT, SAINT_AUBIN),
                sharedAdmin, null));
        // the budget learns the mutualisation from governance's events
        Territory.awaitOk(() -> gateway.get("/api/budget/lines?mutualisationId=" + mutualisationId, sharedAdmin, null));
    }

    // ------------------------------------------------------------------------------------------------ the year

    @Test
    void theYearShowsItsLinesBySectionAndChapterAndItsChartDrawsTheApisFigures() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "cagv-elu");
            page.navigate(console + "budget?fiscalYear=" + YEAR);

            assertThat(page.locator("h1")).hasText("Budget " + YEAR);
            // by chapter within the section: 20 (software) before 21 (hardware)
            Locator investment = page.locator("#table-lignes-INVESTMENT tbody tr")
                    .filter(new Locator.FilterOptions().setHasText(marker));
            assertThat(investment.nth(0)).containsText("Logiciels " + marker);
            assertThat(investment.nth(1)).containsText("Serveurs " + marker);
            assertThat(page.locator("#table-lignes-OPERATING")).containsText("Maintenance " + marker);
            assertThat(page.locator("#table-lignes-OPERATING")).not().containsText("Serveurs " + marker);

            JsonNode summary = gateway.get("/api/budget/summary?fiscalYear=" + YEAR, stack.token("cagv-elu"), null).json();
            Map<String, Object> drawn = chart(page, "graphique-sections");
            assertThat(labels(drawn)).containsExactly("Investissement", "Fonctionnement");
            assertThat(series(drawn)).containsOnlyKeys("Crédits ouverts", "Engagé", "Mandaté", "Disponible");
            for (int i = 0; i < 2; i++) {
                JsonNode section = summary.get(i == 0 ? "investment" : "operating");
                long voted = section.get("votedCents").asLong();
                long engaged = section.get("engagedCents").asLong();
                assertThat(series(drawn).get("Crédits ouverts").get(i)).isEqualByComparingTo(euros(voted));
                assertThat(series(drawn).get("Engagé").get(i)).isEqualByComparingTo(euros(engaged));
                assertThat(series(drawn).get("Mandaté").get(i))
                        .isEqualByComparingTo(euros(section.get("mandatedCents").asLong()));
                assertThat(series(drawn).get("Disponible").get(i)).isEqualByComparingTo(euros(voted - engaged));
            }
            screenshot(page, "budget-exercice");
        }
    }

    @Test
    void aLineIsOpenedOnceTheRefusedChapterIsCorrected() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "cagv-agent");
            page.navigate(console + "budget?fiscalYear=" + YEAR);
            page.locator("#line-section").selectOption("INVESTMENT");
            page.locator("#line-chapter").fill("2B");
            page.locator("#line-label").fill("Postes de travail " + marker);
            page.locator("#line-plannedCents").fill("12 500,00");

            Response refused = ConsolePages.submit(page, "form[action$='/budget/lignes'] button[type=submit]");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.locator("#erreur-line-chapter")).isVisible();
            assertThat(page.locator("#line-chapter")).hasAttribute("aria-describedby", "erreur-line-chapter");
            assertThat(page.locator("#line-chapter")).hasValue("2B");
            assertThat(page.locator("#line-label")).hasValue("Postes de travail " + marker);

            page.locator("#line-chapter").fill("21");
            page.locator("form[action$='/budget/lignes'] button[type=submit]").click();

            assertThat(page).hasURL(Pattern.compile(".*/budget/lignes/[0-9a-f-]{36}"));
            assertThat(page.locator("h1")).hasText("Postes de travail " + marker);
            assertThat(page.locator("[role=status]")).hasText("La ligne budgétaire est ouverte.");
            assertThat(page.locator("#dernier-vote")).hasText("Non votée");
        }
    }

    // ------------------------------------------------------------------------------------------------ a line

    @Test
    void aLineRecordsEngagementsAndMandatesAndRefusesWhatExceedsTheCreditsNextToTheAmount() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "cagv-agent");
            page.navigate(console + "budget/lignes/" + serversLine);
            assertThat(page.locator("h1")).hasText("Serveurs " + marker);

            page.locator("#engagement-amountCents").fill("150 000");
            page.locator("#engagement-reference").fill("BC-" + marker);
            page.locator("#engagement-date").fill("2030-03-15");
            Response refused = ConsolePages.submit(page, "#form-engagement button[type=submit]");

            assertThat(refused.status()).isEqualTo(422);
            assertThat(page.locator("#erreur-engagement-amountCents"))
                    .hasText("Montant supérieur aux crédits disponibles de la ligne (crédits ouverts moins engagé).");
            assertThat(page.locator("#engagement-amountCents")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#engagement-amountCents")).hasValue("150 000");
            assertThat(page.locator("#engagement-reference")).hasValue("BC-" + marker);

            page.locator("#engagement-amountCents").fill("40 000");
            page.locator("#form-engagement button[type=submit]").click();
            assertThat(page.locator("[role=status]")).hasText("L'engagement est enregistré.");
            assertThat(page.locator("#engage")).hasText(money("40 000,00 €"));

            String engagement = gateway.get("/api/budget/lines/" + serversLine, stack.token("cagv-agent"), null)
                    .json().get("engagements").get(0).get("id").asString();
            String prefix = "#mandate-" + engagement;
            page.locator("#table-engagements summary").first().click();
            page.locator(prefix + "-amountCents").fill("45 000");
            page.locator(prefix + "-reference").fill("M-" + marker);
            page.locator(prefix + "-date").fill("2030-04-02");
            Response beyond = ConsolePages.submit(page, "form[action$='/" + engagement + "/mandats'] button[type=submit]");

            assertThat(beyond.status()).isEqualTo(422);
            assertThat(page.locator("#erreur-mandate-" + engagement + "-amountCents"))
                    .hasText("Montant supérieur au reste à mandater de l'engagement.");
            assertThat(page.locator(prefix + "-amountCents")).hasValue("45 000");
            assertThat(page.locator("#erreur-engagement-amountCents")).hasCount(0);

            page.locator(prefix + "-amountCents").fill("25 000");
            page.locator("form[action$='/" + engagement + "/mandats'] button[type=submit]").click();
            assertThat(page.locator("[role=status]")).hasText("Le mandat est enregistré.");
            assertThat(page.locator("#mandate")).hasText(money("25 000,00 €"));
            assertThat(page.locator("#table-engagements")).containsText("M-" + marker);
            screenshot(page, "budget-ligne");
        }
    }

    @Test
    void votesFollowTheStagesAndALineClosedByItsCaRefusesSpendingInFrench() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "cagv-agent");
            page.navigate(console + "budget/lignes/" + closingLine);

            page.locator("#vote-stage").selectOption("BP");
            page.locator("#vote-creditsCents").fill("12 000");
            Response outOfOrder = ConsolePages.submit(page, "#form-vote button[type=submit]");
            assertThat(outOfOrder.status()).isEqualTo(409);
            assertThat(page.locator("#erreur-vote-stage"))
                    .hasText("Cette étape ne peut pas suivre le dernier vote de la ligne (ordre BP, BS, DM, CA).");
            assertThat(page.locator("#vote-creditsCents")).hasValue("12 000");

            page.locator("#vote-stage").selectOption("DM");
            page.locator("#form-vote button[type=submit]").click();
            assertThat(page.locator("[role=status]")).hasText("Le vote est enregistré.");
            assertThat(page.locator("#credits-ouverts")).hasText(money("12 000,00 €"));
            assertThat(page.locator("#table-votes tbody tr")).hasCount(2);

            // the CA is voted elsewhere while this page is open: its engagement form is now refused
            assertThat(gateway.post("/api/budget/votes", """
                    {"fiscalYear": %d, "stage": "CA", "lines": [{"lineId": "%s", "creditsCents": 1200000}]}"""
                    .formatted(YEAR, closingLine), stack.token("cagv-agent"), null).status()).isEqualTo(201);
            page.locator("#engagement-amountCents").fill("1 000");
            page.locator("#engagement-reference").fill("BC-tardif");
            page.locator("#engagement-date").fill("2030-12-20");
            Response closed = ConsolePages.submit(page, "#form-engagement button[type=submit]");

            assertThat(closed.status()).isEqualTo(409);
            assertThat(page.locator("#erreur-engagement-amountCents")).hasText(
                    "La ligne est close par son compte administratif : plus aucun vote, engagement ni mandat.");
            page.navigate(console + "budget/lignes/" + closingLine);
            assertThat(page.locator("#ligne-close")).isVisible();
            assertThat(page.locator("#form-vote")).hasCount(0);
            assertThat(page.locator("#form-engagement")).hasCount(0);
        }
    }

    // ------------------------------------------------------------------------------------------------ programmes

    @Test
    void aProgrammeDrawsItsCpScheduleAsTheApiGivesItAndIsRevisedOnlyWhenTheScheduleSumsToTheAp() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "cagv-agent");
            page.navigate(console + "budget/programmes/" + programmeId);
            assertThat(page.locator("h1")).hasText("Renouvellement des serveurs " + marker);

            JsonNode programme = gateway.get("/api/budget/programmes/" + programmeId, stack.token("cagv-agent"), null).json();
            Map<String, Object> drawn = chart(page, "graphique-cp");
            List<String> years = new ArrayList<>();
            programme.get("schedule").forEach(year -> years.add(year.get("year").asString()));
            assertThat(labels(drawn)).isEqualTo(years);
            for (int i = 0; i < years.size(); i++) {
                assertThat(series(drawn).get("Crédits de paiement (CP)").get(i))
                        .isEqualByComparingTo(euros(programme.get("schedule").get(i).get("cpCents").asLong()));
            }
            screenshot(page, "budget-programme");

            page.locator("#revision-amountCents").fill("350 000");
            page.locator("#revision-reason").fill("Extension au site de secours " + marker);
            Response refused = ConsolePages.submit(page, "#form-revision button[type=submit]");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(page.locator("#erreur-revision-amountCents"))
                    .hasText("La somme des CP de l'échéancier doit être égale au montant de l'AP.");
            assertThat(page.locator("#revision-amountCents")).hasValue("350 000");
            assertThat(page.locator("#revision-reason")).hasValue("Extension au site de secours " + marker);

            page.locator("#revision-cp-1").fill("250 000");
            page.locator("#form-revision button[type=submit]").click();
            assertThat(page.locator("[role=status]")).hasText("L'autorisation de programme est révisée.");
            assertThat(page.locator("#montant-ap")).hasText(money("350 000,00 €"));
            assertThat(page.locator("#table-revisions tbody tr")).hasCount(2);
            assertThat(page.locator("#table-cp")).containsText(money("250 000,00 €"));
        }
    }

    @Test
    void aProgrammeIsCreatedFromItsFormOnceItsScheduleIsRight() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "cagv-agent");
            page.navigate(console + "budget/programmes?fiscalYear=" + YEAR);
            page.locator("#programme-label").fill("Fibre des sites " + marker);
            page.locator("#programme-chapter").fill("23");
            page.locator("#programme-amountCents").fill("200 000");
            page.locator("#programme-year-0").fill("2030");
            page.locator("#programme-cp-0").fill("80 000");
            page.locator("#programme-year-1").fill("2031");
            page.locator("#programme-cp-1").fill("-5");
            Response refused = ConsolePages.submit(page, "#form-programme button[type=submit]");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.locator("#erreur-programme-cp-1")).isVisible();
            assertThat(page.locator("#programme-cp-1")).hasValue("-5");
            assertThat(page.locator("#programme-label")).hasValue("Fibre des sites " + marker);

            page.locator("#programme-cp-1").fill("120 000");
            page.locator("#form-programme button[type=submit]").click();
            assertThat(page).hasURL(Pattern.compile(".*/budget/programmes/[0-9a-f-]{36}"));
            assertThat(page.locator("[role=status]")).hasText("L'autorisation de programme est créée.");
            assertThat(page.locator("#table-cp tbody tr")).hasCount(2);
        }
    }

    // ------------------------------------------------------------------------------------------------ transfers

    @Test
    void transfersShowTheCeilingUsedAndRemainingAndRefuseWhatExceedsIt() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "cagv-agent");
            page.navigate(console + "budget/virements?fiscalYear=" + YEAR);
            assertThat(page.locator("#deliberation-taux")).containsText("DEL-" + marker);

            page.locator("#transfer-fromLineId").selectOption(softwareLine);
            page.locator("#transfer-toLineId").selectOption(serversLine);
            page.locator("#transfer-amountCents").fill("20 000");
            page.locator("#transfer-reason").fill("Serveurs plus chers " + marker);
            page.locator("#transfer-date").fill("2030-06-01");
            Response refused = ConsolePages.submit(page, "#form-virement button[type=submit]");

            assertThat(refused.status()).isEqualTo(422);
            assertThat(page.locator("#erreur-transfer-amountCents"))
                    .hasText("Montant supérieur au plafond de virements restant de la section.");
            assertThat(page.locator("#transfer-fromLineId")).hasValue(softwareLine);
            assertThat(page.locator("#transfer-amountCents")).hasValue("20 000");

            page.locator("#transfer-amountCents").fill("5 000");
            page.locator("#form-virement button[type=submit]").click();
            assertThat(page.locator("[role=status]")).hasText("Le virement est fait.");
            assertThat(page.locator("#table-virements")).containsText("Serveurs plus chers " + marker);

            JsonNode investment = gateway.get("/api/budget/transfers?fiscalYear=" + YEAR, stack.token("cagv-agent"),
                    null).json().get("investment");
            assertThat(page.locator("#plafond-INVESTMENT"))
                    .hasAttribute("value", investment.get("transferredCents").asString());
            assertThat(page.locator("#plafond-INVESTMENT"))
                    .hasAttribute("max", investment.get("ceilingCents").asString());
            screenshot(page, "budget-virements");

            page.locator("#rates-investmentPercent").fill("9");
            page.locator("#rates-operatingPercent").fill("5");
            page.locator("#rates-deliberation").fill("DEL-bis-" + marker);
            Response tooHigh = ConsolePages.submit(page, "#form-taux button[type=submit]");
            assertThat(tooHigh.status()).isEqualTo(422);
            assertThat(page.locator("#erreur-rates-investmentPercent"))
                    .hasText("Le taux ne peut pas dépasser 7,5 % des dépenses réelles de la section.");
            assertThat(page.locator("#rates-investmentPercent")).hasValue("9");
        }
    }

    // ------------------------------------------------------------------------------------------------ open data

    @Test
    void theScdlExportsAreDownloadedWithTheApisFileNames() throws Exception {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "cagv-elu");
            page.navigate(console + "budget?fiscalYear=" + YEAR);
            page.locator("#export-stage").selectOption("BP");
            Download budget = page.waitForDownload(() -> page.locator("#telecharger-budget").click());

            assertThat(budget.suggestedFilename()).isEqualTo("budget-" + CAGV + "-" + YEAR + "-BP.csv");
            String csv = Files.readString(budget.path(), StandardCharsets.UTF_8);
            assertThat(csv).startsWith("BGT_NATDEC,").contains("Serveurs " + marker);

            Download deliberations = page.waitForDownload(() -> page.locator("#telecharger-deliberations").click());
            assertThat(deliberations.suggestedFilename()).isEqualTo("deliberations.csv");
        }
    }

    // ------------------------------------------------------------------------------------------------ shared services

    @Test
    void theSharedServiceAdministratorAllocatesTheCostAndTheChartDrawsEveryMembersShare() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "cagv-shared-admin");
            page.navigate(console + "services-communs/" + mutualisationId + "?fiscalYear=" + YEAR);
            assertThat(page.locator("h1")).hasText("Service commun SIG " + marker);
            assertThat(page.locator("#table-membres")).containsText("Valmont");
            assertThat(page.locator("#table-membres")).containsText("Saint-Aubin-sur-Val");
            assertThat(page.locator("#cle")).hasText("Au prorata de la population");

            page.locator("#allocation-costCents").fill("cent mille");
            Response refused = ConsolePages.submit(page, "#form-repartition button[type=submit]");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.locator("#erreur-allocation-costCents")).isVisible();
            assertThat(page.locator("#allocation-costCents")).hasValue("cent mille");

            page.locator("#allocation-costCents").fill("120 000");
            page.locator("#form-repartition button[type=submit]").click();
            assertThat(page.locator("[role=status]")).hasText("Le coût de l'exercice est réparti entre les membres.");

            JsonNode allocation = gateway.get("/api/budget/mutualisations/" + mutualisationId
                    + "/allocations?fiscalYear=" + YEAR, stack.token("cagv-shared-admin"), null).json();
            Map<String, Object> drawn = chart(page, "graphique-repartition");
            List<BigDecimal> amounts = series(drawn).get("Part du coût");
            assertThat(allocation.get("allocations")).hasSize(2);
            for (int i = 0; i < 2; i++) {
                assertThat(amounts.get(i)).isEqualByComparingTo(euros(allocation.get("allocations").get(i)
                        .get("amountCents").asLong()));
            }
            assertThat(labels(drawn)).containsExactlyInAnyOrder("Valmont", "Saint-Aubin-sur-Val");

            page.locator("#line-section").selectOption("OPERATING");
            page.locator("#line-chapter").fill("011");
            page.locator("#line-label").fill("Licences SIG " + marker);
            page.locator("#line-plannedCents").fill("60 000");
            page.locator("#form-ligne-partagee button[type=submit]").click();
            assertThat(page.locator("[role=status]")).hasText("La ligne budgétaire est ouverte.");
            assertThat(page.locator("#table-lignes-partagees")).containsText("Licences SIG " + marker);
            screenshot(page, "shared-service-commun");
        }
    }

    @Test
    void aMemberSeesOnlyItsOwnShareAndNoFormAndANonMemberIsRefused() {
        String admin = stack.token("cagv-shared-admin");
        if (gateway.get("/api/budget/mutualisations/" + mutualisationId + "/allocations?fiscalYear=" + YEAR, admin, null)
                .status() == 404) {
            assertThat(gateway.post("/api/budget/mutualisations/" + mutualisationId + "/allocations", """
                    {"fiscalYear": %d, "costCents": 9000000}""".formatted(YEAR), admin, null).status()).isEqualTo(201);
        }
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "valmont-agent");
            page.navigate(console + "services-communs/" + mutualisationId + "?fiscalYear=" + YEAR);

            JsonNode own = gateway.get("/api/budget/mutualisations/" + mutualisationId + "/allocations?fiscalYear="
                    + YEAR, stack.token("valmont-agent"), null).json().get("allocations");
            assertThat(own).hasSize(1);
            assertThat(page.locator("#table-repartition tbody tr")).hasCount(1);
            assertThat(page.locator("#table-repartition tbody tr th")).hasText("Valmont");
            assertThat(page.locator("#table-repartition")).not().containsText("Saint-Aubin");
            Map<String, Object> drawn = chart(page, "graphique-repartition");
            assertThat(labels(drawn)).containsExactly("Valmont");
            assertThat(series(drawn).get("Part du coût").getFirst())
                    .isEqualByComparingTo(euros(own.get(0).get("amountCents").asLong()));
            assertThat(page.locator("#form-repartition")).hasCount(0);
            assertThat(page.locator("#form-ligne-partagee")).hasCount(0);
            screenshot(page, "shared-membre");
        }
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "aulnes-agent");
            Response answer = page.navigate(console + "services-communs/" + mutualisationId);
            assertThat(answer.status()).isEqualTo(404);
            assertThat(page.content()).doesNotContain(marker);
        }
    }

    // ------------------------------------------------------------------------------------------------ roles

    @Test
    void aReadOnlyRoleSeesTheFiguresWithoutAnyFormAndAForgedPostIsRefused() {
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "reporting");
            page.locator("#siren").selectOption(CAGV);
            page.locator("form.switcher button").click();
            for (String path : List.of("budget?fiscalYear=" + YEAR, "budget/lignes/" + serversLine,
                    "budget/programmes/" + programmeId, "budget/virements?fiscalYear=" + YEAR,
                    "budget/programmes?fiscalYear=" + YEAR)) {
                Response answer = page.navigate(console + path);
                assertThat(answer.status()).as(path).isEqualTo(200);
                assertThat(page.locator("main form[method=post]").count()).as(path).isZero();
            }
            String csrf = page.locator("form.deconnexion input[name=_csrf]").getAttribute("value");
            APIResponse forged = context.request().post(console + "budget/lignes/" + serversLine + "/engagements",
                    RequestOptions.create().setForm(FormData.create().set("_csrf", csrf).set("amountCents", "10")
                            .set("reference", "R").set("date", "2030-05-05")).setMaxRedirects(0));
            assertThat(forged.status()).isEqualTo(403);
            assertThat(gateway.get("/api/budget/lines/" + serversLine, stack.token("cagv-agent"), null).json()
                    .get("engagements").toString()).doesNotContain("\"R\"");
        }
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "cagv-agent");
            page.navigate(console + "services-communs/" + mutualisationId + "?fiscalYear=" + YEAR);
            // the administering EPCI's agent reads every share but allocates nothing: that is the SHARED_SERVICE_ADMIN's
            assertThat(page.locator("h1")).hasText("Service commun SIG " + marker);
            assertThat(page.locator("#form-repartition")).hasCount(0);
        }
    }

    // ------------------------------------------------------------------------------------------------ accessibility

    @Test
    void everyBudgetAndSharedPagePassesAxeWithoutSeriousOrCriticalViolation() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("budget-exercice", "budget?fiscalYear=" + YEAR);
        paths.put("budget-ligne", "budget/lignes/" + serversLine);
        paths.put("budget-programmes", "budget/programmes?fiscalYear=" + YEAR);
        paths.put("budget-programme", "budget/programmes/" + programmeId);
        paths.put("budget-virements", "budget/virements?fiscalYear=" + YEAR);
        paths.put("shared-liste", "services-communs");
        paths.put("shared-service-commun", "services-communs/" + mutualisationId + "?fiscalYear=" + YEAR);
        Map<String, List<String>> violations = new LinkedHashMap<>();
        try (BrowserContext context = newContext()) {
            Page page = signedIn(context, "cagv-shared-admin");
            for (Map.Entry<String, String> entry : paths.entrySet()) {
                Response answer = page.navigate(console + entry.getValue());
                assertThat(answer.status()).as(entry.getKey()).isEqualTo(200);
                List<String> found = Axe.seriousViolations(page);
                if (!found.isEmpty()) {
                    violations.put(entry.getKey(), found);
                }
            }
            // a refused form, with its messages next to the fields, is a page too
            page.navigate(console + "budget/lignes/" + softwareLine);
            page.locator("#engagement-amountCents").fill("abc");
            ConsolePages.submit(page, "#form-engagement button[type=submit]");
            // what is not an amount in euros is said so in French, not in the API's words for cents
            assertThat(page.locator("#erreur-engagement-amountCents"))
                    .hasText("Saisissez un montant positif en euros, par exemple 12 500,50.");
            assertThat(page.locator("#engagement-amountCents")).hasValue("abc");
            // the summary names the field by its label, not by the API's name for it
            assertThat(page.locator("#probleme li"))
                    .hasText("Montant (€) : Saisissez un montant positif en euros, par exemple 12 500,50.");
            List<String> refused = Axe.seriousViolations(page);
            if (!refused.isEmpty()) {
                violations.put("budget-ligne-refus", refused);
            }
            screenshot(page, "budget-ligne-refus");
        }
        assertThat(violations).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static BrowserContext newContext() {
        return pages.newContext(new Browser.NewContextOptions().setAcceptDownloads(true));
    }

    private static Page signedIn(BrowserContext context, String user) {
        Page page = pages.signedIn(context, user);
        assertThat(page.locator("#collectivite-active")).isVisible();
        return page;
    }

    /** What Chart.js drew on the canvas, once console.js has drawn it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> chart(Page page, String canvasId) {
        page.waitForFunction("id => window.Chart && Chart.getChart(document.getElementById(id))", canvasId);
        ElementHandle canvas = page.locator("#" + canvasId).elementHandle();
        return (Map<String, Object>) page.evaluate("c => { const d = Chart.getChart(c).data;"
                + " return {labels: d.labels, datasets: d.datasets.map(s => ({label: s.label, data: s.data}))}; }", canvas);
    }

    @SuppressWarnings("unchecked")
    private static List<String> labels(Map<String, Object> chart) {
        return ((List<Object>) chart.get("labels")).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<BigDecimal>> series(Map<String, Object> chart) {
        Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
        for (Object dataset : (List<Object>) chart.get("datasets")) {
            Map<String, Object> set = (Map<String, Object>) dataset;
            series.put(String.valueOf(set.get("label")), ((List<Object>) set.get("data")).stream()
                    .map(value -> new BigDecimal(String.valueOf(value))).toList());
        }
        return series;
    }

    /** An amount as the console writes it (Locale.FRANCE): narrow no-break spaces in the figure, a no-break one before €. */
    private static String money(String typed) {
        return typed.replace(" €", "\u00A0€").replace(' ', '\u202F');
    }

    private static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    private static String line(String token, String section, String chapter, String label, long plannedCents) {
        return ConsolePages.created(gateway.post("/api/budget/lines", """
                {"fiscalYear": %d, "section": "%s", "chapter": "%s", "label": "%s", "plannedCents": %d}"""
                .formatted(YEAR, section, chapter, label, plannedCents), token, null));
    }
}

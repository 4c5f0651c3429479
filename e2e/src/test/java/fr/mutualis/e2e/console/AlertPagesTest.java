package fr.mutualis.e2e.console;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.mutualis.e2e.support.Platform;
import fr.mutualis.localstack.LocalStack;
import fr.mutualis.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alerts from end to end: Saint-Aubin's steering committee approves the gate of a project that was never assessed;
 * governance publishes the decision, portfolio cannot apply it and says so, evaluation raises DECISION_NOT_APPLIED,
 * and the console shows it in the count of every page, in the list of alerts and on the project's page. Saint-Aubin's
 * project stays PROPOSED and its roadmap a draft: nothing another class counts of Saint-Aubin changes.
 */
@ExtendWith(Platform.class)
class AlertPagesTest {

    @RegisterExtension
    static final ConsolePages pages = ConsolePages.patient();

    private static final String CAGV = "200000016";
    private static final String SAINT_AUBIN = "210000030";

    private static LocalStack stack;
    private static TestHttp gateway;
    private static String console;
    private static String projectTitle;
    private static String projectId;

    @BeforeAll
    static void setUp() {
        stack = Platform.stack();
        gateway = Platform.gateway();
        console = stack.consoleUrl();
        String admin = stack.token("platform-admin");
        ConsolePages.registerIfAbsent(gateway, admin, CAGV, "Communauté d'agglomération du Grand Val", "EPCI", 98_000, null);
        ConsolePages.registerIfAbsent(gateway, admin, SAINT_AUBIN, "Saint-Aubin-sur-Val", "COMMUNE", 6_500, CAGV);
        String agent = stack.token("staubin-agent");
        String marker = "A" + UUID.randomUUID().toString().substring(0, 6);
        projectTitle = "Parapheur électronique " + marker;

        String roadmap = ConsolePages.created(() -> gateway.post("/api/portfolio/roadmaps", """
                {"title": "Feuille de route %s", "startYear": 2026, "endYear": 2028, "axes": ["DEMATERIALISATION"]}"""
                .formatted(marker), agent, null));
        projectId = ConsolePages.created(() -> gateway.post("/api/portfolio/projects", """
                {"roadmapId": "%s", "title": "%s", "description": "", "axis": "DEMATERIALISATION", "theme": "USER_SERVICES",
                 "sponsor": "Maire", "manager": "DGS", "plannedStart": "2026-04-01", "plannedEnd": "2027-03-31",
                 "estimatedInvestmentCents": 1000000, "estimatedOperatingCents": 100000}""".formatted(roadmap, projectTitle),
                agent, null));
        String instance = ConsolePages.created(() -> gateway.post("/api/governance/instances", """
                {"name": "Comité de pilotage %s", "kind": "PORTFOLIO_STEERING_COMMITTEE", "cadence": "QUARTERLY", "members": [
                   {"personId": "maire", "name": "Maire", "role": "Maire", "collectiviteSiren": "%s", "voting": true, "chair": true},
                   {"personId": "dgs", "name": "DGS", "role": "DGS", "collectiviteSiren": "%2$s", "voting": true}]}"""
                .formatted(marker, SAINT_AUBIN), agent, null));
        TestHttp.Response session = await().atMost(ConsolePages.PATIENCE).pollInterval(Duration.ofMillis(250)).until(
                () -> gateway.post("/api/governance/instances/" + instance + "/sessions", """
                        {"scheduledAt": "%s", "agenda": [{"kind": "PROJECT_GATE", "title": "Go du parapheur", "subjectId": "%s"}]}"""
                        .formatted(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), projectId), agent, null),
                response -> response.status() != 503 && response.status() != 404);
        String sessionId = ConsolePages.created(session);
        String item = session.json().get("agendaItemIds").get(0).asString();
        assertThat(gateway.put("/api/governance/sessions/" + sessionId + "/attendance", "{\"present\": [\"maire\", \"dgs\"]}",
                agent, null).status()).isEqualTo(200);
        ConsolePages.created(gateway.post("/api/governance/sessions/" + sessionId + "/decisions", """
                {"agendaItemId": "%s", "votesFor": 2, "votesAgainst": 0, "abstentions": 0}""".formatted(item), agent, null));
        assertThat(gateway.post("/api/governance/sessions/" + sessionId + "/close", "", agent, null).status()).isEqualTo(200);
    }

    @Test
    void anApprovedGateOnAProposedProjectIsAnAlertInTheCountTheListAndTheProjectPage() {
        String agent = stack.token("staubin-agent");
        JsonNode alert = await().atMost(ConsolePages.PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode items = gateway.get("/api/evaluation/alerts?subjectId=" + projectId, agent, null).json().get("items");
            return items.isEmpty() ? null : items.get(0);
        }, found -> found != null);
        assertThat(alert.get("kind").asString()).isEqualTo("DECISION_NOT_APPLIED");
        assertThat(alert.get("subjectKind").asString()).isEqualTo("PROJECT");
        assertThat(alert.get("until").isNull()).isTrue();
        assertThat(gateway.get("/api/portfolio/projects/" + projectId, agent, null).json().get("status").asString())
                .isEqualTo("PROPOSED");
        String since = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(
                OffsetDateTime.parse(alert.get("since").asString()).atZoneSameInstant(ZoneId.of("Europe/Paris")).toLocalDate());

        try (BrowserContext context = pages.newContext()) {
            Page page = pages.signedIn(context, "staubin-agent");
            long open = gateway.get("/api/evaluation/alerts?open=true&size=1", agent, null).json().get("total").asLong();
            assertThat(page.locator("#lien-alertes")).hasText("Alertes (" + open + ")");
            assertThat(page.locator("#lien-alertes")).hasAttribute("aria-label", Pattern.compile("^Alertes \\(" + open + "\\) : "));

            page.locator("#lien-alertes").click();
            page.waitForURL(url -> url.startsWith(console + "alertes"));
            assertThat(page.locator("h1")).hasText("Alertes");
            var row = page.locator("#alertes tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(projectTitle));
            assertThat(row).containsText("Décision non appliquée");
            assertThat(row).containsText("depuis le " + since);
            assertThat(ConsolePages.screenshotAndAxe(page, "alertes")).isEmpty();

            page.locator("#kind").selectOption("MILESTONE_LATE");
            page.locator("form.filtres button").click();
            assertThat(page.locator("#alertes")).not().containsText(projectTitle);
            page.locator("#kind").selectOption("DECISION_NOT_APPLIED");
            page.locator("form.filtres button").click();
            assertThat(page.locator("#alertes")).containsText(projectTitle);

            row = page.locator("#alertes tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(projectTitle));
            row.locator("a").click();
            page.waitForURL(console + "projets/" + projectId);
            assertThat(page.locator(".alertes-sujet")).containsText("Décision non appliquée");
            assertThat(page.locator(".alertes-sujet")).containsText("depuis le " + since);
            assertThat(ConsolePages.screenshotAndAxe(page, "projet-alerte")).isEmpty();
        }
    }
}

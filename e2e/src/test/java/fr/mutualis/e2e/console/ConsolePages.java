package fr.mutualis.e2e.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import fr.mutualis.e2e.support.Platform;
import fr.mutualis.e2e.support.Territory;
import fr.mutualis.testsupport.TestHttp;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the console's browser tests share: Chromium (one per test thread, {@link Chromium#shared}; the browser contexts
 * a class opened are closed after it), signing a demo person in, reading what
 * a chart drew, checking a page with axe-core and keeping its screenshot, and registering the collectivités they use.
 * A class registers it as an extension, after the platform's:
 * {@code @RegisterExtension static final ConsolePages pages = ConsolePages.patient();}
 */
final class ConsolePages implements BeforeAllCallback, AfterAllCallback {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final boolean patient;
    /** The contexts this class opened, closed after it: the next class shares the browser, not its pages. */
    private final List<BrowserContext> contexts = new ArrayList<>();
    private Chromium chromium;
    private String console;

    private ConsolePages(boolean patient) {
        this.patient = patient;
    }

    /** For pages that call the API several times: Playwright's assertions wait {@link #PATIENCE} while the class runs. */
    static ConsolePages patient() {
        return new ConsolePages(true);
    }

    /** Playwright's own assertion timeout, for a class that says itself where it waits longer. */
    static ConsolePages withDefaultAssertions() {
        return new ConsolePages(false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        console = Platform.stack().consoleUrl();
        chromium = Chromium.shared();
        if (patient) {
            patientAssertions(true);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        patientAssertions(false);
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /**
     * A new browser context, in French, patient: a page that calls the API several times can take tens of seconds
     * on a loaded 2-core machine (CI's), and sign-in is five redirects through the issuer and the console.
     */
    BrowserContext newContext() {
        return newContext(new Browser.NewContextOptions());
    }

    /** As {@link #newContext()}, with {@code options} (downloads, another viewport) added. */
    BrowserContext newContext(Browser.NewContextOptions options) {
        BrowserContext context = chromium.browser().newContext(options.setLocale("fr-FR").setViewportSize(1280, 900));
        context.setDefaultTimeout(PATIENCE.toMillis());
        context.setDefaultNavigationTimeout(PATIENCE.toMillis());
        contexts.add(context);
        return context;
    }

    /** Clicks a form's button and answers the console's answer to the POST (a refusal is a page, not a redirect). */
    static Response submit(Page page, String button) {
        return page.waitForResponse(response -> response.request().method().equals("POST"),
                () -> page.locator(button).click());
    }

    /** Playwright's assertions wait as long as pages may take here; back to its default after the class. */
    private static void patientAssertions(boolean patient) {
        PlaywrightAssertions.setDefaultAssertionTimeout(patient ? PATIENCE.toMillis() : 5_000);
    }

    Page signedIn(BrowserContext context, String user) {
        Page page = context.newPage();
        page.navigate(console);
        page.locator("#username").fill(user);
        page.locator("#password").fill("demo");
        page.locator("button[type=submit]").click();
        // the console's root, where sign-in brings the person back (?continue: Spring Security's replayed request)
        page.waitForURL(url -> url.equals(console) || url.equals(console + "?continue"));
        return page;
    }

    /** The labels and the values of each series the chart of {@code canvasSelector} drew, as Chart.js holds them. */
    static Drawn drawn(Page page, String canvasSelector) {
        ElementHandle canvas = page.waitForSelector(canvasSelector);
        page.waitForFunction("c => typeof Chart !== 'undefined' && Chart.getChart(c) !== undefined", canvas);
        String json = (String) page.evaluate("c => { const d = Chart.getChart(c).data; return JSON.stringify("
                + "{labels: d.labels, series: d.datasets.map(s => s.data), names: d.datasets.map(s => s.label)}); }",
                canvas);
        JsonNode data = JSON.readTree(json);
        List<String> labels = new ArrayList<>();
        data.get("labels").forEach(label -> labels.add(label.asString()));
        List<String> names = new ArrayList<>();
        data.get("names").forEach(name -> names.add(name.asString()));
        List<List<Double>> series = new ArrayList<>();
        data.get("series").forEach(values -> {
            List<Double> numbers = new ArrayList<>();
            values.forEach(value -> numbers.add(value.isNull() ? null : value.asDouble()));
            series.add(numbers);
        });
        return new Drawn(labels, names, series);
    }

    record Drawn(List<String> labels, List<String> names, List<List<Double>> series) {
    }

    /** The screenshot of the page, then its serious or critical axe-core violations (none expected). */
    static List<String> screenshotAndAxe(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name + ".png")));
        return Axe.seriousViolations(page);
    }

    /** Registered by the demo platform administrator acting for the collectivité itself. */
    static void registerIfAbsent(TestHttp gateway, String adminToken, String siren, String name, String kind,
                                 long population, String epciSiren) {
        registerIfAbsent(gateway, adminToken, siren, siren, name, kind, population, epciSiren);
    }

    /** Registered by the demo platform administrator acting for {@code actingFor}, one of the demo collectivités. */
    static void registerIfAbsent(TestHttp gateway, String adminToken, String actingFor, String siren, String name,
                                 String kind, long population, String epciSiren) {
        if (gateway.get("/api/governance/collectivites/" + siren, adminToken, actingFor).status() == 200) {
            return;
        }
        TestHttp.Response answer = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(
                () -> gateway.post("/api/governance/collectivites", """
                {"siren": "%s", "siret": "%s", "name": "%s", "kind": "%s", "population": %d%s}""".formatted(siren,
                fr.mutualis.contracts.Sirets.completing(siren, "0001"), name, kind, population,
                epciSiren == null ? "" : ", \"epciSiren\": \"" + epciSiren + "\""), adminToken, actingFor),
                response -> response.status() != 503);
        assertThat(answer.status()).as(answer.toString()).isIn(201, 409);
        Territory.awaitOk(() -> gateway.get("/api/governance/collectivites/" + siren, adminToken, actingFor));
    }

    /**
     * The id of what {@code write} created. A 503 (the gateway's circuit open or its timeout on a loaded machine) is
     * retried; whether the refused attempt was applied or not matters nowhere this is used.
     */
    static String created(Supplier<TestHttp.Response> write) {
        TestHttp.Response answer = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(write::get, response -> response.status() != 503);
        return created(answer);
    }

    /** The id of what {@code answer} created, which must be a 201. */
    static String created(TestHttp.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().has("id") ? answer.json().get("id").asString() : null;
    }
}

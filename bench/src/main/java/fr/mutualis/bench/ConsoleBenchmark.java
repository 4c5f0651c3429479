package fr.mutualis.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import fr.mutualis.localstack.LocalStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The console's pages as people get them (issue 14): time to first byte and full page load ({@code load} event),
 * read from the browser's Navigation Timing in Debian's chromium, at 1 and 8 signed-in people loading the same page
 * at once, next to the same run's direct API calls that feed each page (made one after the other, as the console
 * makes them, with a client token). The difference is the console's own cost: session, token, rendering, assets.
 * <p>
 * The pages measured are {@link #PAGES}: add a page there (its console path and the API calls behind it).
 * <p>
 * {@code java -cp bench/target/bench-0.1.0-SNAPSHOT-exec.jar -Dloader.main=fr.mutualis.bench.ConsoleBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [rounds1=40] [rounds8=13] [api-seconds=10]
 * [readiness=1800] [apps=gateway,portfolio-service,budget-service,governance-service,evaluation-service,console]} from the repository root, once the executable jars are built.
 */
public final class ConsoleBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TENANT = "210000048";
    private static final String EPCI = "200000016";
    private static final String USER = "aulnes-agent";
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("MUTUALIS_CHROMIUM", "/usr/bin/chromium"));

    /**
     * The pages measured, each with the API calls that feed it. {@code {roadmap}}, {@code {project}},
     * {@code {instance}}, {@code {line}}, {@code {indicator}} and {@code {year}} name the data this program creates.
     */
    static final List<MeasuredPage> PAGES = List.of(
            new MeasuredPage("Tableau de bord", "/", List.of(
                    "/api/portfolio/projects?size=200",
                    "/api/governance/instances?size=100",
                    "/api/governance/instances/{instance}/sessions",
                    "/api/budget/summary?fiscalYear={year}")),
            new MeasuredPage("Feuille de route", "/feuilles-de-route/{roadmap}", List.of(
                    "/api/portfolio/roadmaps/{roadmap}",
                    "/api/portfolio/roadmaps/{roadmap}/ranking",
                    "/api/portfolio/projects?roadmapId={roadmap}&size=200")),
            new MeasuredPage("Projet", "/projets/{project}", List.of(
                    "/api/portfolio/projects/{project}",
                    "/api/portfolio/projects/{project}/history")),
            new MeasuredPage("Budget de l'exercice", "/budget?fiscalYear={year}", List.of(
                    "/api/budget/lines?fiscalYear={year}&size=200",
                    "/api/budget/summary?fiscalYear={year}")),
            new MeasuredPage("Ligne budgétaire", "/budget/lignes/{line}", List.of(
                    "/api/budget/lines/{line}")),
            new MeasuredPage("Évaluation", "/evaluation?fiscalYear={year}", List.of(
                    "/api/evaluation/dashboard?fiscalYear={year}")),
            new MeasuredPage("Indicateur", "/evaluation/indicateurs/{indicator}", List.of(
                    "/api/evaluation/indicators/{indicator}")));

    /** A console page and the API calls it makes (the header's collectivité name is asked once per session). */
    record MeasuredPage(String name, String path, List<String> apiCalls) {

        MeasuredPage with(Function<String, String> data) {
            return new MeasuredPage(name, data.apply(path), apiCalls.stream().map(data).toList());
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final LocalStack stack;
    private final String token;
    private final StringBuilder report = new StringBuilder();

    private ConsoleBenchmark(LocalStack stack) {
        this.stack = stack;
        this.token = stack.token(USER);
    }

    public static void main(String[] args) throws Exception {
        BenchStack.quietLogs();
        Map<String, String> options = BenchStack.options(args);
        int rounds1 = Integer.parseInt(options.getOrDefault("rounds1", "40"));
        int rounds8 = Integer.parseInt(options.getOrDefault("rounds8", "13"));
        Duration apiTime = Duration.ofSeconds(Long.parseLong(options.getOrDefault("api-seconds", "10")));
        Duration readiness = Duration.ofSeconds(Long.parseLong(options.getOrDefault("readiness", "1800")));
        // the reporting job feeds none of the pages measured: not started, it does not weigh on the machine
        List<String> apps = Arrays.stream(options.getOrDefault("apps",
                "gateway,portfolio-service,budget-service,governance-service,evaluation-service,console")
                .split(",")).toList();
        String loadBefore = BenchStack.loadAverage();
        try (LocalStack stack = BenchStack.builder("console-bench-stack").apps(apps)
                .readinessTimeout(readiness).build().start()) {
            new ConsoleBenchmark(stack).run(rounds1, rounds8, apiTime, loadBefore);
        }
    }

    private void run(int rounds1, int rounds8, Duration apiTime, String loadBefore) throws Exception {
        Function<String, String> data = createData();
        List<MeasuredPage> pages = PAGES.stream().map(page -> page.with(data)).toList();
        line("# Mutualis console benchmark: pages as a person gets them, " + Instant.now());
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + "; stack started in "
                + stack.startupTime().toMillis() / 1000.0 + " s; load average before the stack started: "
                + loadBefore + ", when measuring started: " + BenchStack.loadAverage() + ". Browser: headless "
                + CHROMIUM + ", one context (session) per person, signed in as " + USER + ".");
        line("");
        line("Console: each round, every person loads the page at the same time; TTFB is Navigation Timing's"
                + " responseStart, full load its loadEventEnd (scripts and styles included), both from navigation"
                + " start. API: the page's calls one after the other, through the gateway with a client token, in"
                + " a closed loop of as many clients for " + apiTime.toSeconds() + " s after 3 s of warm-up.");
        line("");
        line("| page | people | console TTFB p50 ms | p99 ms | full load p50 ms | p99 ms | samples |"
                + " its API calls p50 ms | p99 ms | API calls |");
        line("|---|---|---|---|---|---|---|---|---|---|");

        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try (playwright) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM).setHeadless(true)
                    .setEnv(Map.of("LANG", "fr_FR.UTF-8", "LANGUAGE", "fr"))
                    .setArgs(List.of("--lang=fr-FR", "--no-sandbox", "--disable-gpu",
                            "--disable-background-networking", "--disable-component-update", "--no-first-run")));
            List<Page> people = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                people.add(signedIn(browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"))));
            }
            for (MeasuredPage page : pages) {
                for (int count : new int[]{1, 8}) {
                    List<Page> loading = people.subList(0, count);
                    loadRounds(loading, page, 2); // warm-up: templates, caches, JIT
                    long[][] timings = loadRounds(loading, page, count == 1 ? rounds1 : rounds8);
                    LoadResult api = LoadRunner.run(page.name(), count, Duration.ofSeconds(3), apiTime,
                            client -> apiCalls(page));
                    Latencies ttfb = Latencies.of(timings[0]);
                    Latencies full = Latencies.of(timings[1]);
                    line(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.0f | %d | %.0f | %.0f | %d |",
                            page.name(), count, ttfb.percentileMillis(50), ttfb.percentileMillis(99),
                            full.percentileMillis(50), full.percentileMillis(99), ttfb.count(),
                            api.latencies().percentileMillis(50), api.latencies().percentileMillis(99),
                            page.apiCalls().size()));
                }
            }
            browser.close();
        }
        line("");
        line("Load average when measuring ended: " + BenchStack.loadAverage() + ".");

        Path out = Path.of("bench", "target", "console-benchmark-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println();
        System.out.println("Report written to " + out.toAbsolutePath());
    }

    /**
     * {@code rounds} times, every page navigates to {@code page} at once (the browser loads them in parallel; this
     * thread only starts them and waits), then each page's Navigation Timing is read: [0] TTFB, [1] full load, in ns.
     */
    private long[][] loadRounds(List<Page> people, MeasuredPage page, int rounds) {
        String url = stack.consoleUrl().replaceAll("/$", "") + page.path();
        long[] ttfb = new long[rounds * people.size()];
        long[] full = new long[rounds * people.size()];
        int sample = 0;
        for (int round = 0; round < rounds; round++) {
            AtomicInteger loaded = new AtomicInteger();
            List<Runnable> unsubscribe = new ArrayList<>();
            for (Page person : people) {
                java.util.function.Consumer<Page> onLoad = p -> loaded.incrementAndGet();
                person.onLoad(onLoad);
                unsubscribe.add(() -> person.offLoad(onLoad));
                person.evaluate("url => setTimeout(() => location.assign(url), 0)", url);
            }
            people.getFirst().waitForCondition(() -> loaded.get() >= people.size(),
                    new Page.WaitForConditionOptions().setTimeout(120_000));
            unsubscribe.forEach(Runnable::run);
            for (Page person : people) {
                JsonNode timing = JSON.readTree(String.valueOf(person.evaluate("""
                        () => JSON.stringify(performance.getEntriesByType('navigation')[0])""")));
                if (!person.url().startsWith(url) || timing.get("responseStatus").asInt(200) != 200) {
                    throw new IllegalStateException("Expected " + url + ", the browser shows " + person.url());
                }
                double end = timing.get("loadEventEnd").asDouble() > 0 ? timing.get("loadEventEnd").asDouble()
                        : timing.get("loadEventStart").asDouble();
                ttfb[sample] = (long) (timing.get("responseStart").asDouble() * 1_000_000);
                full[sample++] = (long) (end * 1_000_000);
            }
        }
        return new long[][]{ttfb, full};
    }

    /** The page's API calls in order, as the console makes them; the status of the first that fails, else 200. */
    private int apiCalls(MeasuredPage page) {
        for (String call : page.apiCalls()) {
            int status = get(call).statusCode();
            if (status != 200) {
                return status;
            }
        }
        return 200;
    }

    private Page signedIn(BrowserContext context) {
        // sign-in is five redirects through the issuer and the console: on a loaded machine more than 30 s
        context.setDefaultTimeout(120_000);
        context.setDefaultNavigationTimeout(120_000);
        Page page = context.newPage();
        page.navigate(stack.consoleUrl());
        page.locator("#username").fill(USER);
        page.locator("#password").fill("demo");
        page.locator("button[type=submit]").click();
        page.waitForURL(url -> url.startsWith(stack.consoleUrl()) && !url.contains("/login"));
        return page;
    }

    // ------------------------------------------------------------------------------------------------ data

    /**
     * Les Aulnes with a roadmap of 12 projects (6 assessed, milestones), a committee and a séance, 20 budget lines of
     * the year voted at the BP with engagements on the first, and an indicator with four measurements.
     */
    private Function<String, String> createData() {
        String admin = stack.token("platform-admin");
        post("/api/governance/collectivites", """
                {"siren": "%s", "name": "Communauté d'agglomération du Grand Val", "kind": "EPCI",
                 "population": 98000}""".formatted(EPCI), admin, EPCI);
        post("/api/governance/collectivites", """
                {"siren": "%s", "name": "Les Aulnes", "kind": "COMMUNE", "population": 3200, "epciSiren": "%s"}"""
                .formatted(TENANT, EPCI), admin, TENANT);
        awaitOk("/api/governance/collectivites/" + TENANT);
        String roadmap = id(post("/api/portfolio/roadmaps", """
                {"title": "Schéma directeur du numérique", "startYear": 2026, "endYear": 2028,
                 "axes": ["DEMATERIALISATION", "OPEN_DATA"]}""", token, TENANT));
        String project = null;
        for (int i = 1; i <= 12; i++) {
            String created = id(post("/api/portfolio/projects", """
                    {"roadmapId": "%s", "title": "Projet %d", "description": "Projet mesuré",
                     "axis": "DEMATERIALISATION", "theme": "USER_SERVICES", "sponsor": "Adjointe au numérique",
                     "manager": "DSI", "plannedStart": "2026-03-01", "plannedEnd": "2027-06-30",
                     "estimatedInvestmentCents": %d, "estimatedOperatingCents": 2500000}"""
                    .formatted(roadmap, i, 1_000_000L * i), token, TENANT));
            if (i % 2 == 0) {
                post("/api/portfolio/projects/" + created + "/assessment", """
                        {"strategicAlignment": %d, "userValue": 3, "agentValue": 2, "legalObligation": 1,
                         "feasibility": 4, "risk": 2}""".formatted(i % 6), token, TENANT);
            }
            post("/api/portfolio/projects/" + created + "/milestones", """
                    {"title": "Recette", "plannedDate": "2026-01-15"}""", token, TENANT);
            project = project == null ? created : project;
        }
        String instance = id(post("/api/governance/instances", """
                {"name": "Comité de pilotage", "kind": "PORTFOLIO_STEERING_COMMITTEE", "cadence": "QUARTERLY",
                 "members": [{"personId": "p1", "name": "Anne Roy", "role": "présidente",
                  "collectiviteSiren": "%s", "voting": true, "chair": true}]}""".formatted(TENANT), token, TENANT));
        post("/api/governance/instances/" + instance + "/sessions", """
                {"scheduledAt": "%d-12-15T18:00:00+01:00",
                 "agenda": [{"kind": "INFORMATION", "title": "Point d'étape"}]}"""
                .formatted(LocalDate.now().getYear() + 1), token, TENANT);
        int year = LocalDate.now().getYear();
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            lines.add(id(post("/api/budget/lines", """
                    {"fiscalYear": %d, "section": "%s", "chapter": "%s", "label": "Ligne %d", "plannedCents": 50000000}"""
                    .formatted(year, i % 2 == 0 ? "INVESTMENT" : "OPERATING", i % 2 == 0 ? "20" : "011", i),
                    token, TENANT)));
        }
        created(post("/api/budget/votes", """
                {"fiscalYear": %d, "stage": "BP", "lines": [%s]}""".formatted(year, lines.stream()
                .map(line -> "{\"lineId\": \"%s\", \"creditsCents\": 50000000}".formatted(line))
                .collect(Collectors.joining(", "))), token, TENANT));
        for (int i = 1; i <= 5; i++) {
            created(post("/api/budget/lines/" + lines.getFirst() + "/engagements", """
                    {"amountCents": %d, "reference": "BC-%d", "date": "%d-03-1%d"}"""
                    .formatted(1_000_000L * i, i, year, i), token, TENANT));
        }
        String indicator = id(post("/api/evaluation/indicators", """
                {"scopeKind": "TENANT", "scopeId": "%s", "name": "Démarches en ligne", "unit": "%%",
                 "baselineValue": 20, "baselineDate": "2025-01-01", "targetValue": 80, "targetDate": "2028-12-31",
                 "direction": "UP", "frequency": "QUARTERLY"}""".formatted(TENANT), token, TENANT));
        for (int quarter = 1; quarter <= 4; quarter++) {
            created(post("/api/evaluation/indicators/" + indicator + "/measurements", """
                    {"date": "2025-%02d-28", "value": %d, "source": "Relevé"}""".formatted(quarter * 3, 20 + 5 * quarter),
                    token, TENANT));
        }
        String firstProject = project;
        String firstLine = lines.getFirst();
        Function<String, String> data = text -> text.replace("{roadmap}", roadmap).replace("{project}", firstProject)
                .replace("{instance}", instance).replace("{line}", firstLine).replace("{indicator}", indicator)
                .replace("{year}", String.valueOf(year));
        // the reads follow the writes a moment later: wait until every page's data answers
        for (MeasuredPage page : PAGES) {
            page.with(data).apiCalls().forEach(this::awaitOk);
        }
        return data;
    }

    private HttpResponse<String> post(String path, String body, String bearer, String tenant) {
        return send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Authorization", "Bearer " + bearer).header("X-Tenant-Id", tenant)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build());
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token).header("X-Tenant-Id", TENANT)
                .GET().timeout(Duration.ofSeconds(60)).build());
    }

    private void awaitOk(String path) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (get(path).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(path + " never answered 200");
            }
            sleep(Duration.ofMillis(300));
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String id(HttpResponse<String> response) {
        return JSON.readTree(created(response).body()).get("id").asString();
    }

    private static HttpResponse<String> created(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Expected 201, got " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }
}

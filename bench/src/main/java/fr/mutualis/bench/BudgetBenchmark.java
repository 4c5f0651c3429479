package fr.mutualis.bench;

import fr.mutualis.localstack.LocalStack;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Engagements per second on the budget (issue 4), through the gateway, with p50/p99 latency, at 1, 8 and 32 clients:
 * <ul>
 *   <li>hot line: every client engages on the SAME line, whose engagements the service applies one after the other
 *       (a database lock per line guards the voted credits), so this is the contended worst case;</li>
 *   <li>many lines: each client engages on its own line, so only the machine limits throughput.</li>
 * </ul>
 * Every engagement is 1 € on lines voted with far more credits than a run can consume, so none is refused for the
 * credits; at the end each line's engaged amount is checked against the 201s counted by the clients. Only the
 * gateway and budget-service are launched by default (nothing else takes part in an engagement), so that the other
 * services' start-up and background work do not weigh on a small machine.
 * <p>
 * {@code java -cp bench/target/bench-0.1.0-SNAPSHOT-exec.jar -Dloader.main=fr.mutualis.bench.BudgetBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [duration=15] [warmup=5] [clients=1,8,32]
 * [apps=gateway,budget-service] [readiness=600] [profile=budget-service] [snapshot-after-events=50]} from the
 * repository root, once the executable jars are built; {@code profile} names the apps that record a JDK Flight
 * Recording ({@code bench/target/budget-profile/<app>.jfr}); {@code snapshot-after-events} sets budget-service's
 * snapshot interval (1000000000: no snapshot, the behaviour before them).
 */
public final class BudgetBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int FISCAL_YEAR = 2026;
    private static final long ENGAGEMENT_CENTS = 100;
    /** The most the API accepts on a line: a run at hundreds of engagements per second never comes near it. */
    private static final long CREDITS_CENTS = 1_000_000_000_000L;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final LocalStack stack;
    private final String token;
    private final Map<String, AtomicLong> acceptedByLine = new ConcurrentHashMap<>();
    /** Answers that do not say whether the engagement was stored: a gateway 5xx or a client timeout. */
    private final Map<String, AtomicLong> unknownByLine = new ConcurrentHashMap<>();
    /** Answers by HTTP status per run (warm-up included), to tell 422s from the gateway's 503s and client timeouts. */
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final StringBuilder report = new StringBuilder();

    private BudgetBenchmark(LocalStack stack) {
        this.stack = stack;
        this.token = stack.token("valmont-agent");
    }

    public static void main(String[] args) throws Exception {
        BenchStack.quietLogs();
        Map<String, String> options = BenchStack.options(args);
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "15")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5")));
        int[] concurrency = Arrays.stream(options.getOrDefault("clients", "1,8,32").split(","))
                .mapToInt(value -> Integer.parseInt(value.trim())).toArray();
        List<String> apps = Arrays.stream(options.getOrDefault("apps", "gateway,budget-service").split(","))
                .map(String::trim).toList();
        Duration readiness = Duration.ofSeconds(Long.parseLong(options.getOrDefault("readiness", "600")));

        LocalStack.Builder builder = BenchStack.profiled(BenchStack.builder("budget-bench-stack")
                .addJvmOptions(options.get("jvm-options")), "budget-profile", options.get("profile"));
        if (options.containsKey("snapshot-after-events")) {
            // The same build with another snapshot interval (a huge one: none), to compare both in one machine state.
            builder.appEnvironment("budget-service", "MUTUALIS_BUDGET_SNAPSHOT_AFTER_EVENTS",
                    options.get("snapshot-after-events"));
        }
        try (LocalStack stack = builder
                .apps(apps)
                .readinessTimeout(readiness)
                .build()
                .start()) {
            new BudgetBenchmark(stack).run(duration, warmup, concurrency);
        }
    }

    private void run(Duration duration, Duration warmup, int[] concurrency) throws Exception {
        line("# Mutualis budget benchmark: engagements, " + Instant.now());
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + "; stack started in "
                + stack.startupTime().toMillis() / 1000.0 + " s; measured " + duration.toSeconds()
                + " s after " + warmup.toSeconds() + " s of warm-up per run; closed loop through the gateway;"
                + " apps " + stack.apps().stream().map(app -> app.module()).toList() + ";"
                + " each engagement answers once it is readable (read-your-writes).");
        double insertCommits = PhysicalReference.postgresInsertCommitsPerSecond(stack.jdbcUrl("budget"), "mutualis",
                "mutualis", Duration.ofSeconds(5));
        line(String.format(Locale.ROOT, "Physical reference: PostgreSQL single-row insert + commit %.0f /s; load average"
                + " %s.", insertCommits, BenchStack.loadAverage()));
        line("");

        // On a loaded machine the gateway may still answer 503 for a moment after the stack said it was ready.
        settle();
        int maxClients = Arrays.stream(concurrency).max().orElse(1);
        String hotLine = openLine("Ligne chaude");
        List<String> ownLines = new ArrayList<>();
        for (int i = 0; i < maxClients; i++) {
            ownLines.add(openLine("Ligne du client " + i));
        }
        List<String> every = new ArrayList<>(ownLines);
        every.add(hotLine);
        vote(every);

        line("## POST /api/budget/lines/{id}/engagements");
        line("| lines | clients | engagements/s | ratio to insert+commit | p50 ms | p99 ms | max ms | refused | answers by status (warm-up included) | load average |");
        line("|---|---|---|---|---|---|---|---|---|---|");
        for (int clients : concurrency) {
            for (boolean hot : new boolean[]{true, false}) {
                statuses.clear();
                LoadResult result = hot
                        ? LoadRunner.run("one hot line", clients, warmup, duration, client -> engage(hotLine))
                        : LoadRunner.run("one line per client", clients, warmup, duration, client -> engage(ownLines.get(client)));
                line(String.format(Locale.ROOT, "| %s | %d | %.1f | %.4f | %.1f | %.1f | %.1f | %d | %s | %s |",
                        result.target(), result.clients(), result.perSecond(), result.perSecond() / insertCommits,
                        result.latencies().percentileMillis(50), result.latencies().percentileMillis(99),
                        result.latencies().percentileMillis(100), result.refused(), new java.util.TreeMap<>(statuses),
                        BenchStack.loadAverage()));
                settle();
            }
        }
        line("");

        line("## Consistency after the runs");
        long mismatches = 0;
        for (String lineId : every) {
            long accepted = acceptedByLine.getOrDefault(lineId, new AtomicLong()).get();
            long unknown = unknownByLine.getOrDefault(lineId, new AtomicLong()).get();
            long engaged = JSON.readTree(readLine(lineId).body()).get("engagedCents").asLong() / ENGAGEMENT_CENTS;
            // Every 201 must be stored; an answer lost on the way (5xx, timeout) may or may not have been.
            if (engaged < accepted || engaged > accepted + unknown) {
                mismatches++;
                line("- line " + lineId + ": " + engaged + " engagements stored, but the clients got " + accepted
                        + " 201s and " + unknown + " answers without outcome");
            }
        }
        long total = acceptedByLine.values().stream().mapToLong(AtomicLong::get).sum();
        line(String.format(Locale.ROOT, "- %d engagements accepted in all (warm-ups included) on %d lines; %s",
                total, every.size(), mismatches == 0
                        ? "every line stores every engagement answered 201, and at most the answers lost on the way besides"
                        : mismatches + " line(s) disagree"));

        Path out = Path.of("bench", "target", "budget-benchmark-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println();
        System.out.println("Report written to " + out.toAbsolutePath());
        if (mismatches > 0) {
            System.exit(1);
        }
    }

    /**
     * Lets the gateway's circuit breaker close again after a run it tripped (it sheds load with 503s when the
     * service answers too slowly), so that the next run and the final reads start from a healthy route.
     */
    private void settle() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (get("/api/budget/summary?fiscalYear=" + FISCAL_YEAR).statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
        }
    }

    private HttpResponse<String> readLine(String lineId) throws IOException, InterruptedException {
        settle();
        HttpResponse<String> response = get("/api/budget/lines/" + lineId);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Could not read line " + lineId + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private String openLine(String label) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/budget/lines", """
                {"fiscalYear": %d, "section": "INVESTMENT", "chapter": "20", "label": "%s", "plannedCents": %d}"""
                .formatted(FISCAL_YEAR, label, CREDITS_CENTS));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Could not open a line: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asString();
    }

    private void vote(List<String> lines) throws IOException, InterruptedException {
        String voted = lines.stream().map(id -> "{\"lineId\": \"%s\", \"creditsCents\": %d}".formatted(id, CREDITS_CENTS))
                .collect(Collectors.joining(", "));
        HttpResponse<String> response = post("/api/budget/votes", """
                {"fiscalYear": %d, "stage": "BP", "lines": [%s]}""".formatted(FISCAL_YEAR, voted));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Could not vote the credits: " + response.statusCode() + " " + response.body());
        }
    }

    private int engage(String lineId) {
        try {
            HttpResponse<String> response = post("/api/budget/lines/" + lineId + "/engagements", """
                    {"amountCents": %d, "reference": "BC-BENCH", "date": "%d-06-15"}""".formatted(ENGAGEMENT_CENTS, FISCAL_YEAR));
            if (response.statusCode() == 201) {
                acceptedByLine.computeIfAbsent(lineId, id -> new AtomicLong()).incrementAndGet();
            }
            if (response.statusCode() >= 500) {
                unknownByLine.computeIfAbsent(lineId, id -> new AtomicLong()).incrementAndGet();
            }
            statuses.computeIfAbsent(response.statusCode(), status -> new AtomicLong()).incrementAndGet();
            return response.statusCode();
        } catch (IOException e) {
            unknownByLine.computeIfAbsent(lineId, id -> new AtomicLong()).incrementAndGet();
            statuses.computeIfAbsent(599, status -> new AtomicLong()).incrementAndGet();
            return 599;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 599;
        }
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append(System.lineSeparator());
    }

}

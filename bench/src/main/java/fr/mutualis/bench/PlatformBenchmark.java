package fr.mutualis.bench;

import fr.mutualis.localstack.LocalStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntUnaryOperator;

/**
 * Starts the platform as local-stack does (random ports, no demo data) and prints the figures of issue 8:
 * commands per second and latency through the gateway and directly to the portfolio service at several
 * concurrencies, the gateway's overhead, the lag until evaluation's dashboard shows a portfolio command, the
 * physical references (PostgreSQL insert+commit, Kafka produce), the memory of every process, and the cores every
 * process keeps busy at rest once the loads are over ({@code rest} seconds, after the consumers caught up).
 * <p>
 * {@code java -jar bench/target/bench-0.1.0-SNAPSHOT-exec.jar [duration=15] [warmup=5] [clients=1,8,32]
 * [lag-samples=100] [jit-warmup=0] [rest=30] [jvm-options=...] [profile=app,...]} from the repository root, after
 * {@code ./mvnw -q install -DskipTests}; {@code jvm-options} (space-separated) are added to every app's, e.g.
 * {@code -XX:TieredStopAtLevel=1} to compare the compilers in alternated runs.
 * <p>
 * The loads run gateway first, then direct, so the service is already warmed by the gateway's run when its direct
 * run starts, while the gateway's JVM starts its first run with a few seconds of warm-up: its JIT compilers are
 * still busy for thousands of requests. With {@code jit-warmup=S}, gateway ÷ direct at one client is measured
 * twice in the same run, before and after driving both paths for {@code S} seconds each, then the usual table
 * follows on the warmed JVMs.
 */
public final class PlatformBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PORTFOLIO = "portfolio-service";

    private final LocalStack stack;
    private final BenchHttp http;
    private final List<String> roadmaps = new ArrayList<>();
    private final AtomicLong projectsCreated = new AtomicLong();
    private final StringBuilder report = new StringBuilder();

    private PlatformBenchmark(LocalStack stack) {
        this.stack = stack;
        this.http = new BenchHttp(stack.token("valmont-agent"));
    }

    public static void main(String[] args) throws Exception {
        BenchStack.quietLogs();
        Map<String, String> options = BenchStack.options(args);
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "15")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5")));
        int[] concurrency = Arrays.stream(options.getOrDefault("clients", "1,8,32").split(","))
                .mapToInt(value -> Integer.parseInt(value.trim())).toArray();
        int lagSamples = Integer.parseInt(options.getOrDefault("lag-samples", "100"));
        Duration jitWarmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("jit-warmup", "0")));
        Duration rest = Duration.ofSeconds(Long.parseLong(options.getOrDefault("rest", "30")));

        try (LocalStack stack = BenchStack.profiled(BenchStack.builder("bench-stack")
                        .addJvmOptions(options.get("jvm-options")), "platform-profile", options.get("profile"))
                .build()
                .start()) {
            new PlatformBenchmark(stack).run(duration, warmup, concurrency, lagSamples, jitWarmup, rest);
        }
    }

    private void run(Duration duration, Duration warmup, int[] concurrency, int lagSamples, Duration jitWarmup,
                     Duration rest) throws Exception {
        line("# Mutualis benchmark, " + Instant.now());
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + "; stack started in "
                + stack.startupTime().toMillis() / 1000.0 + " s; measured " + duration.toSeconds()
                + " s after " + warmup.toSeconds() + " s of warm-up per run.");
        line("");

        Map<String, Long> memoryAtRest = memory();

        line("## Physical reference (same machine, same run)");
        double pgRate = PhysicalReference.postgresInsertCommitsPerSecond(stack.jdbcUrl("portfolio"), "mutualis",
                "mutualis", Duration.ofSeconds(5));
        double kafkaSync = PhysicalReference.kafkaSyncProducesPerSecond(stack.kafkaBootstrapServers(),
                Duration.ofSeconds(5));
        double kafkaPipelined = PhysicalReference.kafkaPipelinedProducesPerSecond(stack.kafkaBootstrapServers(), 50_000);
        line(String.format(Locale.ROOT, "- PostgreSQL single-row INSERT + COMMIT: %.0f /s", pgRate));
        line(String.format(Locale.ROOT, "- Kafka produce, acks=all, one at a time: %.0f /s", kafkaSync));
        line(String.format(Locale.ROOT, "- Kafka produce, acks=all, pipelined: %.0f /s", kafkaPipelined));
        line("");

        int maxClients = Arrays.stream(concurrency).max().orElse(1);
        for (int i = 0; i < maxClients; i++) {
            roadmaps.add(createRoadmap(i));
        }

        if (!jitWarmup.isZero()) {
            compareBeforeAndAfterJitWarmup(duration, warmup, jitWarmup, maxClients);
        }

        line("## Commands: POST /api/portfolio/projects (closed loop, one roadmap per client)");
        line("| target | clients | commands/s | p50 ms | p99 ms | refused | vs PG insert | ");
        line("|---|---|---|---|---|---|---|");
        Map<Integer, double[]> gatewayVsDirect = new LinkedHashMap<>();
        Map<String, Long> memoryUnderLoad = new ConcurrentHashMap<>();
        AtomicBoolean sampling = new AtomicBoolean(true);
        // Once a second: four samples a second, each reading every PostgreSQL process's smaps, took the stack it
        // measured about a ninth of a core (the launcher's threads over a one-client load, session 23).
        Thread sampler = Thread.ofPlatform().name("memory-sampler").daemon().start(() -> {
            while (sampling.get()) {
                memory().forEach((process, rss) -> memoryUnderLoad.merge(process, rss, Math::max));
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        List<String> cpuPerCreate = new ArrayList<>();
        for (int clients : concurrency) {
            LoadResult viaGateway = measured("gateway", clients, warmup, duration,
                    client -> proposeProject(stack.gatewayUrl(), client), cpuPerCreate);
            LoadResult direct = measured("direct", clients, warmup, duration,
                    client -> proposeProject(stack.appUrl(PORTFOLIO), client), cpuPerCreate);
            for (LoadResult result : List.of(viaGateway, direct)) {
                line(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %d | %.3f |", result.target(),
                        result.clients(), result.perSecond(), result.latencies().percentileMillis(50),
                        result.latencies().percentileMillis(99), result.refused(), result.perSecond() / pgRate));
            }
            gatewayVsDirect.put(clients, new double[]{viaGateway.perSecond(), direct.perSecond(),
                    viaGateway.latencies().percentileMillis(50), direct.latencies().percentileMillis(50)});
        }
        sampling.set(false);
        sampler.join();
        line("");
        line("CPU per create by process over each measured load, ms (of which its JIT compilers):");
        cpuPerCreate.forEach(this::line);
        line("");
        line("Gateway overhead (gateway / direct):");
        gatewayVsDirect.forEach((clients, figures) -> line(String.format(Locale.ROOT,
                "- %d clients: throughput ratio %.2f, p50 latency ratio %.2f", clients, figures[0] / figures[1],
                figures[2] / figures[3])));
        line("");
        compareInterleavedAtOneClient(duration, warmup);

        line("## Propagation: portfolio command -> evaluation dashboard (through Kafka)");
        long backlogStart = System.nanoTime();
        waitUntilDashboardShows(projectsCreated.get(), Duration.ofMinutes(10));
        line(String.format(Locale.ROOT, "- backlog of %d projects fully visible %.1f s after the load ended",
                projectsCreated.get(), (System.nanoTime() - backlogStart) / 1e9));
        long[] lags = new long[lagSamples];
        long[] answered = new long[lagSamples];
        long[] toKafka = new long[lagSamples];
        try (TopicWatcher watcher = new TopicWatcher(stack.kafkaBootstrapServers(), "mutualis.portfolio.events")) {
            for (int i = 0; i < lagSamples; i++) {
                long sent = System.nanoTime();
                HttpResponse<String> created = http.post(stack.gatewayUrl(), "/api/portfolio/projects",
                        PortfolioBodies.project(roadmaps.get(0)));
                long acknowledged = System.nanoTime();
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("A lag sample was refused: " + created.body());
                }
                projectsCreated.incrementAndGet();
                String projectId = JSON.readTree(created.body()).get("id").asString();
                waitUntilDashboardShows(projectsCreated.get(), Duration.ofSeconds(30));
                lags[i] = System.nanoTime() - acknowledged;
                answered[i] = acknowledged - sent;
                // Often before the 201, which waits for portfolio's own projection while the outbox publishes.
                toKafka[i] = watcher.firstSeenNanos(projectId).map(seen -> seen - sent).orElse(answered[i] + lags[i]);
            }
        }
        line("- lag from the command's 201 to the dashboard: " + Latencies.of(lags).summary());
        line("- from sending the command, its 201: " + Latencies.of(answered).summary()
                + "; its record on Kafka (outbox publisher): " + Latencies.of(toKafka).summary());
        line("");

        line("## Visibility: assessment -> the roadmap's ranking (portfolio's own projection)");
        String rankedRoadmap = createRoadmap(-1);
        long[] rankingLags = new long[lagSamples];
        for (int i = 0; i < lagSamples; i++) {
            HttpResponse<String> created = http.post(stack.gatewayUrl(), "/api/portfolio/projects",
                    PortfolioBodies.project(rankedRoadmap));
            String projectId = JSON.readTree(created.body()).get("id").asString();
            HttpResponse<String> assessed = http.post(stack.gatewayUrl(), "/api/portfolio/projects/" + projectId + "/assessment", """
                    {"strategicAlignment": %d, "userValue": 4, "agentValue": 3, "legalObligation": 2,
                     "feasibility": 4, "risk": 2}""".formatted(i % 6));
            long acknowledged = System.nanoTime();
            if (assessed.statusCode() != 200) {
                throw new IllegalStateException("An assessment was refused: " + assessed.body());
            }
            waitUntilRanked(rankedRoadmap, projectId, Duration.ofSeconds(30));
            rankingLags[i] = System.nanoTime() - acknowledged;
        }
        line("- lag from the assessment's 200 to the ranking showing its priority: " + Latencies.of(rankingLags).summary());
        line("");

        if (!rest.isZero()) {
            line("## CPU at rest (cores, of which its JIT compilers)");
            line(awaitConsumersCaughtUp("before it"));
            line("- over the " + rest.toSeconds() + " s after it, without a request: " + cpuAtRest(rest));
            line("");
        }

        line("## Memory (resident set size, MiB)");
        line("| process | at rest | peak under load |");
        line("|---|---|---|");
        memoryAtRest.forEach((process, rss) -> line(String.format(Locale.ROOT, "| %s | %.0f | %.0f |", process,
                rss / 1048576.0, memoryUnderLoad.getOrDefault(process, rss) / 1048576.0)));
        long totalRest = memoryAtRest.values().stream().mapToLong(Long::longValue).sum();
        long totalPeak = memoryUnderLoad.values().stream().mapToLong(Long::longValue).sum();
        line(String.format(Locale.ROOT, "| total | %.0f | %.0f |", totalRest / 1048576.0, totalPeak / 1048576.0));

        Path out = Path.of("bench", "target", "benchmark-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println();
        System.out.println("Report written to " + out.toAbsolutePath());
    }

    /**
     * One load of the table, and every process's CPU per accepted create over its measured part (the warm-up
     * excluded), added to {@code cpuPerCreate}: how far the JVMs are from their steady state shows in their JIT's part.
     */
    private LoadResult measured(String target, int clients, Duration warmup, Duration duration, IntUnaryOperator command,
            List<String> cpuPerCreate) throws InterruptedException {
        CompletableFuture<StackCpu> atMeasureStart = CompletableFuture.supplyAsync(() -> StackCpu.of(stack),
                CompletableFuture.delayedExecutor(warmup.toNanos(), TimeUnit.NANOSECONDS));
        long measureFrom = System.nanoTime() + warmup.toNanos();
        LoadResult result = LoadRunner.run(target, clients, warmup, duration, command);
        StackCpu atEnd = StackCpu.of(stack);
        cpuPerCreate.add(String.format(Locale.ROOT, "- %s, %d clients: %s", target, clients,
                atEnd.perCommand(atMeasureStart.join(), result.accepted(), (System.nanoTime() - measureFrom) / 1e9)));
        return result;
    }

    /** Every process's CPU over {@code rest} with no request sent: what the stack costs while nobody uses it. */
    private String cpuAtRest(Duration rest) throws InterruptedException {
        StackCpu before = StackCpu.of(stack);
        long from = System.nanoTime();
        Thread.sleep(rest);
        return StackCpu.of(stack).atRest(before, (System.nanoTime() - from) / 1e9);
    }

    /**
     * Gateway ÷ direct at one client on the JVMs as the table would find them, then again after both paths were driven
     * for {@code jitWarmup} each (as many clients as the largest load, so that the compilers see the hot paths soon).
     */
    private void compareBeforeAndAfterJitWarmup(Duration duration, Duration warmup, Duration jitWarmup, int clients)
            throws InterruptedException {
        line("## Gateway / direct at 1 client, before and after " + jitWarmup.toSeconds()
                + " s of warm-up of each path (same run)");
        line("| JVMs | target | commands/s | p50 ms | p99 ms | load average |");
        line("|---|---|---|---|---|---|");
        List<String> ratios = new ArrayList<>();
        for (String phase : List.of("as the table finds them", "after the warm-up")) {
            if (!ratios.isEmpty()) {
                LoadRunner.run("gateway", clients, Duration.ZERO, jitWarmup,
                        client -> proposeProject(stack.gatewayUrl(), client));
                LoadRunner.run("direct", clients, Duration.ZERO, jitWarmup,
                        client -> proposeProject(stack.appUrl(PORTFOLIO), client));
                ratios.add(awaitConsumersCaughtUp("after the warm-up's loads"));
            }
            LoadResult viaGateway = LoadRunner.run("gateway", 1, warmup, duration,
                    client -> proposeProject(stack.gatewayUrl(), client));
            LoadResult direct = LoadRunner.run("direct", 1, warmup, duration,
                    client -> proposeProject(stack.appUrl(PORTFOLIO), client));
            String load = BenchStack.loadAverage();
            for (LoadResult result : List.of(viaGateway, direct)) {
                line(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %s |", phase, result.target(),
                        result.perSecond(), result.latencies().percentileMillis(50),
                        result.latencies().percentileMillis(99), load));
            }
            ratios.add(String.format(Locale.ROOT, "- %s: throughput ratio %.2f, p50 latency ratio %.2f", phase,
                    viaGateway.perSecond() / direct.perSecond(),
                    viaGateway.latencies().percentileMillis(50) / direct.latencies().percentileMillis(50)));
        }
        line("");
        ratios.forEach(this::line);
        line("");
    }

    /**
     * Gateway ÷ direct at one client with the two paths taking turns, request by request (the first of each pair
     * alternating), so that both see the same moments of a machine whose load drifts: run one after the other, as in
     * the table above, they are measured a quarter of a minute apart. A closed loop of one client makes
     * {@code count ÷ total latency} its throughput.
     */
    private void compareInterleavedAtOneClient(Duration duration, Duration warmup) throws InterruptedException {
        String caughtUp = awaitConsumersCaughtUp("before it");
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        List<String> targets = List.of(stack.gatewayUrl(), stack.appUrl(PORTFOLIO));
        List<List<Long>> latencies = List.of(new ArrayList<>(), new ArrayList<>());
        for (long round = 0; System.nanoTime() < end; round++) {
            for (int i = 0; i < 2; i++) {
                int target = (int) ((round + i) % 2);
                long sent = System.nanoTime();
                int status = proposeProject(targets.get(target), 0);
                if (sent >= measureFrom && status == 201) {
                    latencies.get(target).add(System.nanoTime() - sent);
                }
            }
        }
        long[] gatewayNanos = latencies.get(0).stream().mapToLong(Long::longValue).toArray();
        long[] directNanos = latencies.get(1).stream().mapToLong(Long::longValue).toArray();
        Latencies gateway = Latencies.of(gatewayNanos);
        Latencies direct = Latencies.of(directNanos);
        double gatewayRate = gatewayNanos.length / (Arrays.stream(gatewayNanos).sum() / 1e9);
        double directRate = directNanos.length / (Arrays.stream(directNanos).sum() / 1e9);
        line("## Gateway / direct at 1 client, interleaved request by request");
        line(caughtUp);
        line(String.format(Locale.ROOT, "- %d creates each; p50 %.1f vs %.1f ms; p99 %.1f vs %.1f ms; load average %s",
                gatewayNanos.length, gateway.percentileMillis(50), direct.percentileMillis(50),
                gateway.percentileMillis(99), direct.percentileMillis(99), BenchStack.loadAverage()));
        line(String.format(Locale.ROOT, "- throughput ratio %.2f, p50 latency ratio %.2f", gatewayRate / directRate,
                gateway.percentileMillis(50) / direct.percentileMillis(50)));
        line("");
    }

    /**
     * Waits until every consumer group (the other services, the reporting job) has committed what the loads before
     * published, so that a one-client measure never includes their catch-up of a larger load's backlog, which would
     * take the cores from its requests. Says how large the backlog was and how long it took (in session 17's runs a
     * few hundred records at most, caught up in about a second: the consumers keep up with 32 clients).
     */
    private String awaitConsumersCaughtUp(String when) throws InterruptedException {
        long start = System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            Map<String, Set<String>> groups = ConsumerLag.everyGroup(admin);
            long backlog = ConsumerLag.total(admin, groups);
            boolean caughtUp = ConsumerLag.awaitNone(admin, groups, Duration.ofMinutes(3));
            return String.format(Locale.ROOT, "- %s, the %d consumer groups %s a backlog of %d records in %.1f s%s",
                    when, groups.size(), caughtUp ? "caught up with" : "did not catch up with", backlog,
                    (System.nanoTime() - start) / 1e9,
                    caughtUp ? "" : " (left: " + ConsumerLag.perGroup(admin, groups) + ")");
        }
    }

    private void waitUntilRanked(String roadmapId, String projectId, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> ranking = http.send(http.request(stack.gatewayUrl(),
                    "/api/portfolio/roadmaps/" + roadmapId + "/ranking").GET().build());
            for (JsonNode entry : JSON.readTree(ranking.body()).get("items")) {
                if (entry.get("projectId").asString().equals(projectId) && !entry.get("priority").isNull()) {
                    return;
                }
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("The ranking did not show " + projectId + " within " + timeout);
    }

    private String createRoadmap(int client) throws IOException, InterruptedException {
        HttpResponse<String> response = http.post(stack.gatewayUrl(), "/api/portfolio/roadmaps", """
                {"title": "Feuille de route %d", "startYear": 2026, "endYear": 2028, "axes": ["DEMATERIALISATION"]}"""
                .formatted(client));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Could not create a roadmap: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asString();
    }

    private int proposeProject(String baseUrl, int client) {
        try {
            HttpResponse<String> response = http.post(baseUrl, "/api/portfolio/projects",
                    PortfolioBodies.project(roadmaps.get(client)));
            if (response.statusCode() == 201) {
                projectsCreated.incrementAndGet();
            }
            return response.statusCode();
        } catch (IOException e) {
            return 599;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 599;
        }
    }

    private void waitUntilDashboardShows(long projects, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(http.request(stack.gatewayUrl(), "/api/evaluation/dashboard").GET()
                    .build());
            JsonNode dashboard = JSON.readTree(response.body());
            if (dashboard.at("/projects/total").asLong() >= projects) {
                return;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("The dashboard did not show " + projects + " projects within " + timeout);
    }

    private Map<String, Long> memory() {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (var app : stack.apps()) {
            stack.appPid(app.module()).ifPresent(pid -> ProcessMemory.rssBytes(pid)
                    .ifPresent(bytes -> rss.put(app.module(), bytes)));
        }
        ProcessMemory.rssBytes(ProcessHandle.current().pid())
                .ifPresent(bytes -> rss.put("launcher (Kafka broker, issuer and the load clients, in-process)", bytes));
        rss.put("postgresql (all server processes)", ProcessMemory.postgresBytes(stack.postgresPort()));
        return rss;
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append(System.lineSeparator());
    }

}

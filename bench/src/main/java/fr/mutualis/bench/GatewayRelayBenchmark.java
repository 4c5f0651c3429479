package fr.mutualis.bench;

import fr.mutualis.localstack.LocalStack;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the gateway's relay of one request costs, configuration against configuration, in one run (issue 18): the
 * gateway's CPU per relayed request is what bounds gateway ÷ direct at one client on two cores, and a setting's effect
 * on it is a few tenths of a millisecond, which separate runs of {@link PlatformBenchmark} on a drifting machine cannot
 * tell apart.
 * <p>
 * Starts the gateway and portfolio-service only (no consumer takes the cores), then one more gateway JVM per variant,
 * all at once so that they are the same age: {@code as-configured} with the stack's environment, and each variant
 * of {@code variants=name:KEY=VALUE&KEY=VALUE;name2:...} with those environment variables on top (Spring's relaxed
 * binding: {@code SPRING_CLOUD_GATEWAY_SERVER_WEBFLUX_METRICS_ENABLED=false}). One client then sends, round after
 * round, the same request straight to the service and through each of those gateways, the order rotated every round
 * (so that none always follows another): {@code warmup} rounds for the compilers, then {@code rounds} measured. For
 * each target: p50 and mean latency; for each gateway its CPU per request (every thread, from {@code /proc}) and the
 * same without its JIT compilers' threads, and without what it spends at rest ({@code rest} seconds idle after the
 * loads: its health checks of every instance) over as long as the measure took. {@code requests=create,read}:
 * {@code POST} a project (the measure) and {@code GET} one.
 * <p>
 * {@code java -cp bench/target/bench-0.1.0-SNAPSHOT-exec.jar -Dloader.main=fr.mutualis.bench.GatewayRelayBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [variants=...] [warmup=3000] [rounds=2000]
 * [requests=create,read] [rest=30]} from the repository root, once every module is packaged.
 */
public final class GatewayRelayBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PORTFOLIO = "portfolio-service";

    private final LocalStack stack;
    private final BenchHttp http;

    private GatewayRelayBenchmark(LocalStack stack) {
        this.stack = stack;
        this.http = new BenchHttp(stack.token("valmont-agent"));
    }

    public static void main(String[] args) throws Exception {
        BenchStack.quietLogs();
        Map<String, String> options = BenchStack.options(args);
        Map<String, Map<String, String>> variants = variants(options.getOrDefault("variants", ""));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "2000"));
        List<String> requests = List.of(options.getOrDefault("requests", "create,read").split(","));
        Duration rest = Duration.ofSeconds(Long.parseLong(options.getOrDefault("rest", "30")));
        try (LocalStack stack = BenchStack.builder("relay-bench").apps(List.of("gateway", PORTFOLIO)).build().start()) {
            new GatewayRelayBenchmark(stack).run(variants, warmup, rounds, requests, rest);
        }
    }

    /** {@code name:KEY=VALUE&KEY=VALUE;name2:...}, after {@code as-configured} (no overrides). */
    static Map<String, Map<String, String>> variants(String spec) {
        Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        variants.put("as-configured", Map.of());
        for (String variant : spec.split(";")) {
            if (variant.isBlank()) {
                continue;
            }
            String[] named = variant.split(":", 2);
            if (named.length != 2 || named[0].isBlank()) {
                throw new IllegalArgumentException("A variant is name:KEY=VALUE&KEY=VALUE, got " + variant);
            }
            Map<String, String> environment = new LinkedHashMap<>();
            for (String setting : named[1].split("&")) {
                String[] pair = setting.split("=", 2);
                if (pair.length != 2) {
                    throw new IllegalArgumentException("A variant's setting is KEY=VALUE, got " + setting);
                }
                environment.put(pair[0].trim(), pair[1]);
            }
            if (variants.put(named[0].trim(), environment) != null) {
                throw new IllegalArgumentException("Two variants named " + named[0]);
            }
        }
        return variants;
    }

    private void run(Map<String, Map<String, String>> variants, int warmup, int rounds, List<String> requests,
                     Duration rest) throws Exception {
        Map<String, LocalStack.Aside> gateways = startGateways(variants);
        String roadmap = createRoadmap();
        String project = created(http.post(stack.appUrl(PORTFOLIO), "/api/portfolio/projects", PortfolioBodies.project(roadmap)));
        List<String> names = new ArrayList<>(List.of("direct"));
        names.addAll(gateways.keySet());
        List<String> urls = new ArrayList<>(List.of(stack.appUrl(PORTFOLIO)));
        gateways.values().forEach(gateway -> urls.add(gateway.url()));

        List<Measured> measures = new ArrayList<>();
        for (String kind : requests) {
            HttpRequest.Builder[] perTarget = new HttpRequest.Builder[urls.size()];
            for (int target = 0; target < urls.size(); target++) {
                perTarget[target] = switch (kind.trim()) {
                    case "create" -> http.request(urls.get(target), "/api/portfolio/projects")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(PortfolioBodies.project(roadmap)));
                    case "read" -> http.request(urls.get(target), "/api/portfolio/projects/" + project).GET();
                    default -> throw new IllegalArgumentException("requests are create or read, got " + kind);
                };
            }
            drive(kind.trim() + ", warm-up", perTarget, warmup, null);
            String loadBefore = BenchStack.loadAverage();
            Map<String, double[]> cpuBefore = cpu(gateways);
            long start = System.nanoTime();
            long[][] nanos = new long[urls.size()][rounds];
            drive(kind.trim() + ", measured", perTarget, rounds, nanos);
            double seconds = (System.nanoTime() - start) / 1e9;
            measures.add(new Measured(kind.trim(), nanos, cpuBefore, cpu(gateways), seconds, loadBefore,
                    BenchStack.loadAverage()));
        }
        // What an idle gateway spends anyway (its health checks of every instance, timers), so much per second of
        // a measure, which longer requests would otherwise be charged more of.
        Map<String, double[]> restFrom = cpu(gateways);
        long restStart = System.nanoTime();
        Thread.sleep(rest.toMillis());
        Map<String, double[]> restTo = cpu(gateways);
        double restSeconds = (System.nanoTime() - restStart) / 1e9;

        System.out.printf(Locale.ROOT, "# Gateway relay, %d gateway JVMs of the same age; %d rounds of warm-up, %d measured%n%n",
                gateways.size(), warmup, rounds);
        for (Measured measured : measures) {
            System.out.printf(Locale.ROOT, "## %s (%.0f s; load average %s before, %s after)%n", measured.kind(),
                    measured.seconds(), measured.loadBefore(), measured.loadAfter());
            System.out.println("| target | p50 ms | mean ms | ÷ direct, p50 | ÷ direct, throughput | CPU ms per request "
                    + "| without its JIT | without its JIT and its rest |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            long[][] nanos = measured.nanos();
            Latencies direct = Latencies.of(nanos[0]);
            double directMean = Arrays.stream(nanos[0]).average().orElseThrow() / 1e6;
            for (int target = 0; target < urls.size(); target++) {
                Latencies latencies = Latencies.of(nanos[target]);
                double mean = Arrays.stream(nanos[target]).average().orElseThrow() / 1e6;
                String cpu = "| | |";
                if (target > 0) {
                    String name = names.get(target);
                    double[] from = measured.cpuBefore().get(name);
                    double[] to = measured.cpuAfter().get(name);
                    double all = to[0] - from[0];
                    double withoutJit = all - (to[1] - from[1]);
                    double restRate = ((restTo.get(name)[0] - restTo.get(name)[1])
                            - (restFrom.get(name)[0] - restFrom.get(name)[1])) / restSeconds;
                    cpu = String.format(Locale.ROOT, "%.2f | %.2f | %.2f |", 1000 * all / rounds,
                            1000 * withoutJit / rounds, 1000 * (withoutJit - restRate * measured.seconds()) / rounds);
                }
                System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %s%n", names.get(target),
                        latencies.percentileMillis(50), mean,
                        latencies.percentileMillis(50) / direct.percentileMillis(50), directMean / mean, cpu);
            }
            System.out.println();
        }
        System.out.printf(Locale.ROOT, "At rest, %.0f s after the loads: %s CPU ms per second without the JIT%n",
                restSeconds, String.join(", ", gateways.keySet().stream().map(name -> String.format(Locale.ROOT,
                        "%s %.1f", name, 1000 * ((restTo.get(name)[0] - restTo.get(name)[1])
                                - (restFrom.get(name)[0] - restFrom.get(name)[1])) / restSeconds)).toList()));
    }

    /** One kind of request's measured rounds, and each gateway's CPU seconds around them. */
    private record Measured(String kind, long[][] nanos, Map<String, double[]> cpuBefore, Map<String, double[]> cpuAfter,
                            double seconds, String loadBefore, String loadAfter) {
    }

    /** One gateway per variant, started at once (each waits for its readiness; the stack kills them at its stop). */
    private Map<String, LocalStack.Aside> startGateways(Map<String, Map<String, String>> variants) throws Exception {
        ExecutorService starting = Executors.newVirtualThreadPerTaskExecutor();
        try (starting) {
            Map<String, Future<LocalStack.Aside>> futures = new LinkedHashMap<>();
            variants.forEach((name, environment) ->
                    futures.put(name, starting.submit(() -> stack.startAside("gateway", environment))));
            Map<String, LocalStack.Aside> gateways = new LinkedHashMap<>();
            for (var future : futures.entrySet()) {
                gateways.put(future.getKey(), future.getValue().get());
            }
            return gateways;
        }
    }

    /** Sends {@code rounds} rounds, one request per target in each, the first target rotating; every answer must be 2xx. */
    private void drive(String what, HttpRequest.Builder[] perTarget, int rounds, long[][] nanos)
            throws IOException, InterruptedException {
        int targets = perTarget.length;
        for (int round = 0; round < rounds; round++) {
            if (round % Math.max(1, rounds / 5) == 0) {
                System.out.printf(Locale.ROOT, "%s: round %d of %d (load average %s)%n", what, round, rounds,
                        BenchStack.loadAverage());
            }
            for (int i = 0; i < targets; i++) {
                int target = (round + i) % targets;
                long sent = System.nanoTime();
                HttpResponse<String> response = http.send(perTarget[target].copy().build());
                long elapsed = System.nanoTime() - sent;
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException("Refused (" + response.statusCode() + "): " + response.body());
                }
                if (nanos != null) {
                    nanos[target][round] = elapsed;
                }
            }
        }
    }

    /** Each gateway's CPU seconds: every thread, and its JIT compilers'. */
    private static Map<String, double[]> cpu(Map<String, LocalStack.Aside> gateways) {
        Map<String, double[]> seconds = new LinkedHashMap<>();
        gateways.forEach((name, gateway) -> seconds.put(name, ProcessMemory.cpuAndCompilerSeconds(gateway.pid())));
        return seconds;
    }

    private String createRoadmap() throws IOException, InterruptedException {
        return created(http.post(stack.appUrl(PORTFOLIO), "/api/portfolio/roadmaps", """
                {"title": "Feuille de route du relais", "startYear": 2026, "endYear": 2028, "axes": ["DEMATERIALISATION"]}"""));
    }

    private static String created(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Not created: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asString();
    }
}

package fr.mutualis.bench;

import fr.mutualis.localstack.LocalStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the event-availability notifier buys, measured in one run on the same machine: the portfolio service alone,
 * started twice, first with Axon's polling (mutualis.axon.notify-processors=false), then with the notifier; each time
 * the latency of a create (answered once its projection shows it) and the lag from an assessment's 200 to the ranking
 * showing its priority, at one client, straight to the service.
 */
public final class ProcessorWakeUpBenchmark {

    private static final String PORTFOLIO = "portfolio-service";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    private ProcessorWakeUpBenchmark(LocalStack stack) {
        this.baseUrl = stack.appUrl(PORTFOLIO);
        this.token = stack.token("valmont-agent");
    }

    public static void main(String[] args) throws Exception {
        BenchStack.quietLogs();
        Map<String, String> options = BenchStack.options(args);
        int samples = Integer.parseInt(options.getOrDefault("samples", "100"));
        Map<String, Latencies[]> results = new LinkedHashMap<>();
        for (boolean notify : List.of(false, true)) {
            String mode = notify ? "notified" : "polling";
            try (LocalStack stack = BenchStack.builder("bench-wake-up-" + mode)
                    .apps(List.of(PORTFOLIO))
                    .appEnvironment(PORTFOLIO, "MUTUALIS_AXON_NOTIFY_PROCESSORS", String.valueOf(notify))
                    .build()
                    .start()) {
                results.put(mode, new ProcessorWakeUpBenchmark(stack).measure(samples));
            }
        }
        System.out.println();
        System.out.println("## Processors woken by the event store vs Axon's polling (portfolio alone, 1 client, direct)");
        System.out.println("| mode | create 201 (p50 / p99 ms) | assessment -> ranking (p50 / p99 ms) |");
        System.out.println("|---|---|---|");
        results.forEach((mode, figures) -> System.out.printf(Locale.ROOT, "| %s | %.1f / %.1f | %.1f / %.1f |%n", mode,
                figures[0].percentileMillis(50), figures[0].percentileMillis(99),
                figures[1].percentileMillis(50), figures[1].percentileMillis(99)));
        Latencies[] polling = results.get("polling");
        Latencies[] notified = results.get("notified");
        System.out.printf(Locale.ROOT, "p50 ratio polling / notified: create %.1f, assessment -> ranking %.1f%n",
                polling[0].percentileMillis(50) / notified[0].percentileMillis(50),
                polling[1].percentileMillis(50) / notified[1].percentileMillis(50));
    }

    /** Warm-up first (a tenth of the samples, at least five), then the measured creates and assessments. */
    private Latencies[] measure(int samples) throws IOException, InterruptedException {
        String roadmap = created("/api/portfolio/roadmaps", """
                {"title": "Feuille de route", "startYear": 2026, "endYear": 2028, "axes": ["DEMATERIALISATION"]}""");
        for (int i = 0; i < Math.max(5, samples / 10); i++) {
            created("/api/portfolio/projects", PortfolioBodies.project(roadmap));
        }
        long[] creates = new long[samples];
        long[] rankings = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            String project = created("/api/portfolio/projects", PortfolioBodies.project(roadmap));
            creates[i] = System.nanoTime() - start;
            HttpResponse<String> assessed = post("/api/portfolio/projects/" + project + "/assessment", """
                    {"strategicAlignment": %d, "userValue": 4, "agentValue": 3, "legalObligation": 2,
                     "feasibility": 4, "risk": 2}""".formatted(i % 6));
            long acknowledged = System.nanoTime();
            if (assessed.statusCode() != 200) {
                throw new IllegalStateException("An assessment was refused: " + assessed.body());
            }
            awaitRanked(roadmap, project);
            rankings[i] = System.nanoTime() - acknowledged;
        }
        return new Latencies[]{Latencies.of(creates), Latencies.of(rankings)};
    }

    private void awaitRanked(String roadmap, String project) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> ranking = http.send(request("/api/portfolio/roadmaps/" + roadmap + "/ranking").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode entry : JSON.readTree(ranking.body()).get("items")) {
                if (entry.get("projectId").asString().equals(project) && !entry.get("priority").isNull()) {
                    return;
                }
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("The ranking did not show " + project + " within 30 s");
    }

    private String created(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = post(path, body);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asString();
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }
}

package fr.mutualis.bench;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.IntegrationEvents;
import fr.mutualis.contracts.budget.BudgetLineOpened;
import fr.mutualis.contracts.governance.ElectedLeadDesignated;
import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.localstack.LocalStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Evaluation as the platform's main consumer (issue 6): starts the platform (random ports, no demo data), loads the
 * three topics evaluation consumes through the services' APIs (portfolio projects, budget lines, governance
 * instances, round-robin per client, closed loop), and prints
 * <ul>
 *     <li>the events evaluation's consumer groups commit per second, during the load and while draining its
 *     backlog, read from the groups' committed offsets (what was applied and recorded in the inbox);</li>
 *     <li>the lag from a portfolio command's 201 to evaluation's dashboard showing it, p50/p99, sampled by a probe of
 *     another tenant while the load runs;</li>
 *     <li>evaluation's capacity, once the load is over: a backlog sent straight to the topics, then a rebuild that
 *     replays every topic from the beginning.</li>
 * </ul>
 * {@code java -cp bench/target/bench-0.1.0-SNAPSHOT-exec.jar -Dloader.main=fr.mutualis.bench.EvaluationBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [duration=30] [warmup=5] [clients=8] [backlog=3000]} from the
 * repository root, once every module is packaged.
 */
public final class EvaluationBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, List<String>> CONSUMERS = Map.of(
            "evaluation-portfolio-events", List.of("mutualis.portfolio.events"),
            "evaluation-governance-events", List.of("mutualis.governance.events"),
            "evaluation-budget-events", List.of("mutualis.budget.events"));
    private static final String LOADED = "210000022";
    private static final String PROBED = "210000048";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final LocalStack stack;
    private final String loadToken;
    private final String probeToken;
    private final StringBuilder report = new StringBuilder();
    private final Map<Integer, Integer> refusals = new ConcurrentSkipListMap<>();

    private EvaluationBenchmark(LocalStack stack) {
        this.stack = stack;
        this.loadToken = stack.token("valmont-agent");
        this.probeToken = stack.token("aulnes-agent");
    }

    public static void main(String[] args) throws Exception {
        BenchStack.quietLogs();
        Map<String, String> options = BenchStack.options(args);
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "30")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5")));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        int backlog = Integer.parseInt(options.getOrDefault("backlog", "3000"));
        try (LocalStack stack = BenchStack.builder("evaluation-bench-stack")
                .build()
                .start()) {
            new EvaluationBenchmark(stack).run(duration, warmup, clients, backlog);
        }
    }

    private void run(Duration duration, Duration warmup, int clients, int backlog) throws Exception {
        line("# Evaluation benchmark, " + Instant.now());
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + "; stack started in " + stack.startupTime().toMillis() / 1000.0 + " s; " + clients + " clients, "
                + duration.toSeconds() + " s measured after " + warmup.toSeconds() + " s of warm-up.");
        line("");
        String loadRoadmap = roadmap(loadToken);
        String probeRoadmap = roadmap(probeToken);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            awaitNoLag(admin, Duration.ofMinutes(2));
            long consumedBefore = committed(admin);

            List<long[]> samples = new ArrayList<>();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = Thread.ofPlatform().daemon().name("bench-offset-sampler").start(() -> {
                while (sampling.get()) {
                    try {
                        long[] sample = {System.nanoTime(), committed(admin), lag(admin)};
                        synchronized (samples) {
                            samples.add(sample);
                        }
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        // A slow admin call under load: the next sample will do.
                    }
                }
            });
            List<Long> probeLags = new ArrayList<>();
            AtomicBoolean probing = new AtomicBoolean(true);
            long measureFrom = System.nanoTime() + warmup.toNanos();
            Thread probe = Thread.ofPlatform().daemon().name("bench-dashboard-probe").start(() -> {
                while (probing.get()) {
                    try {
                        long lag = probeOnce(probeRoadmap);
                        if (System.nanoTime() > measureFrom && probing.get()) {
                            synchronized (probeLags) {
                                probeLags.add(lag);
                            }
                        }
                    } catch (Exception e) {
                        System.err.println("probe failed: " + e.getMessage());
                    }
                }
            });

            AtomicIntegerArray turn = new AtomicIntegerArray(clients);
            LoadResult load = LoadRunner.run("portfolio+budget+governance", clients, warmup, duration,
                    client -> command(turn.getAndIncrement(client) % 3, loadRoadmap));
            long loadEnded = System.nanoTime();
            probing.set(false);
            probe.join(Duration.ofSeconds(60));
            awaitNoLag(admin, Duration.ofMinutes(10));
            long drained = System.nanoTime();
            sampling.set(false);
            sampler.join();
            long consumedTotal = committed(admin) - consumedBefore;

            line("## Load through the gateway (each command publishes one event on its topic)");
            line(String.format(Locale.ROOT, "- %.1f commands/s accepted (%d refused, by status: %s; 599 = no answer); "
                    + "command latency %s", load.perSecond(), load.refused(), refusals, load.latencies().summary()));
            line("");
            line("## Events consumed by evaluation (committed offsets of its three consumer groups)");
            long[] first;
            long[] last;
            long maxLag;
            synchronized (samples) {
                List<long[]> during = samples.stream().filter(s -> s[0] >= measureFrom && s[0] <= loadEnded).toList();
                first = during.isEmpty() ? samples.getFirst() : during.getFirst();
                last = during.isEmpty() ? samples.getLast() : during.getLast();
                maxLag = samples.stream().mapToLong(s -> s[2]).max().orElse(0);
            }
            double duringRate = (last[1] - first[1]) / Math.max(1e-9, (last[0] - first[0]) / 1e9);
            line(String.format(Locale.ROOT, "- during the measured load: %.1f events/s", duringRate));
            line(String.format(Locale.ROOT, "- whole run, until the backlog was drained: %d events in %.1f s = %.1f events/s",
                    consumedTotal, (drained - (measureFrom - warmup.toNanos())) / 1e9,
                    consumedTotal / ((drained - (measureFrom - warmup.toNanos())) / 1e9)));
            line(String.format(Locale.ROOT, "- largest consumer lag seen: %d events; backlog drained %.1f s after the load ended",
                    maxLag, (drained - loadEnded) / 1e9));
            line("");
            line("## Lag: portfolio command (201) -> evaluation dashboard shows it, under the load above");
            long[] lags;
            synchronized (probeLags) {
                lags = probeLags.stream().mapToLong(Long::longValue).toArray();
            }
            line("- " + Latencies.of(lags).summary());
            line("");
            backlogRate(admin, backlog);
            line("");
            replayRate();
        }

        Path out = Path.of("bench", "target", "evaluation-benchmark-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println();
        System.out.println("Report written to " + out.toAbsolutePath());
    }

    /**
     * Evaluation's consumption capacity, not bounded by how fast the services take commands on this machine: a
     * backlog of {@code events} envelopes, as the services' publishers write them, spread over the three topics and
     * many collectivités, is sent at once; the rate is the backlog over the time until evaluation has committed it.
     */
    private void backlogRate(Admin admin, int events) throws Exception {
        int year = LocalDate.now().getYear();
        long before = committed(admin);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < events; i++) {
                String owner = String.format("29%07d", i % 500);
                UUID id = UUID.randomUUID();
                Record payload = switch (i % 3) {
                    case 0 -> new ProjectProposed(id, UUID.randomUUID(), owner, "Projet " + i, "OPEN_DATA", "USER_SERVICES",
                            LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), 1_000, 100);
                    case 1 -> new BudgetLineOpened(id, owner, year, "OPERATING", "011", "Licences " + i, null, 10_000);
                    default -> new ElectedLeadDesignated(owner, "Élu " + i);
                };
                String topic = switch (i % 3) {
                    case 0 -> "mutualis.portfolio.events";
                    case 1 -> "mutualis.budget.events";
                    default -> "mutualis.governance.events";
                };
                String key = payload instanceof ElectedLeadDesignated ? owner : id.toString();
                var described = IntegrationEvents.describe(payload.getClass());
                EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), described.type(), described.version(), Instant.now(),
                        owner, key, i, "bench", JSON.valueToTree(payload));
                producer.send(new ProducerRecord<>(topic, key, JSON.writeValueAsString(envelope)));
            }
            producer.flush();
        }
        double sent = (System.nanoTime() - start) / 1e9;
        awaitNoLag(admin, Duration.ofMinutes(15));
        double seconds = (System.nanoTime() - start) / 1e9;
        long consumed = committed(admin) - before;
        line("## Backlog: " + events + " envelopes sent straight to the three topics (evaluation's capacity)");
        line(String.format(Locale.ROOT, "- sent in %.1f s; all %d committed by evaluation %.1f s after the first send = %.1f events/s",
                sent, consumed, seconds, consumed / seconds));
    }

    /**
     * Evaluation's own pace, not bounded by how fast the services produce: a rebuild replays every topic from the
     * beginning (and the event store), and its status tells the records replayed and the time it took.
     */
    private void replayRate() throws IOException, InterruptedException {
        String admin = stack.token("platform-admin");
        HttpResponse<String> started = post(admin, "/api/evaluation/admin/rebuild", "");
        if (started.statusCode() != 202) {
            throw new IllegalStateException("The rebuild did not start: " + started.statusCode() + " " + started.body());
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        JsonNode status = JSON.readTree(started.body());
        while (!status.get("state").asString().equals("COMPLETED")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The rebuild did not finish within 10 minutes: " + status);
            }
            Thread.sleep(200);
            status = JSON.readTree(http.send(request(admin, "/api/evaluation/admin/rebuild").GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        }
        long records = 0;
        for (JsonNode part : status.get("parts")) {
            if (part.get("source").asString().startsWith("topic ")) {
                records += part.get("target").asLong();
            }
        }
        double seconds = Duration.between(Instant.parse(status.get("startedAt").asString()),
                Instant.parse(status.get("finishedAt").asString())).toMillis() / 1000.0;
        line("## Replay: a rebuild consumes every topic from the beginning (evaluation's own pace)");
        line(String.format(Locale.ROOT, "- %d records of the three topics (and the mutualisation directory's) in %.1f s = %.1f "
                + "records/s, progress reported each second; the status answered %s", records, seconds, records / seconds,
                status.get("parts")));
    }

    /** One command of the load, by kind: a project (portfolio), a budget line (budget), an instance (governance). */
    private int command(int kind, String roadmap) {
        try {
            HttpResponse<String> answer = switch (kind) {
                case 0 -> post(loadToken, "/api/portfolio/projects", PortfolioBodies.project(roadmap));
                case 1 -> post(loadToken, "/api/budget/lines", """
                        {"fiscalYear": %d, "section": "INVESTMENT", "chapter": "21", "label": "Postes de travail",
                         "plannedCents": 1500000}""".formatted(LocalDate.now().getYear()));
                default -> post(loadToken, "/api/governance/instances", """
                        {"name": "Groupe de travail", "kind": "WORKING_GROUP", "cadence": "MONTHLY",
                         "members": [{"personId": "dsi", "name": "DSI", "role": "DSI", "collectiviteSiren": "%s",
                                      "voting": true, "chair": true}]}""".formatted(LOADED));
            };
            if (answer.statusCode() >= 300) {
                refusals.merge(answer.statusCode(), 1, Integer::sum);
            }
            return answer.statusCode();
        } catch (IOException e) {
            refusals.merge(599, 1, Integer::sum);
            return 599;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 599;
        }
    }

    /** Proposes a project for the probed tenant and answers the nanoseconds until its dashboard counts it. */
    private long probeOnce(String roadmap) throws IOException, InterruptedException {
        long before = projects(probeToken);
        HttpResponse<String> created = post(probeToken, "/api/portfolio/projects", PortfolioBodies.project(roadmap));
        long acknowledged = System.nanoTime();
        if (created.statusCode() != 201) {
            throw new IllegalStateException("probe refused: " + created.statusCode() + " " + created.body());
        }
        long deadline = acknowledged + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (projects(probeToken) > before) {
                return System.nanoTime() - acknowledged;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("The dashboard did not show the probe's project within 60 s");
    }

    private long projects(String token) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request(token, "/api/evaluation/dashboard").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode dashboard = JSON.readTree(answer.body());
        return dashboard.at("/projects/total").asLong();
    }

    private String roadmap(String token) throws IOException, InterruptedException {
        int year = LocalDate.now().getYear();
        HttpResponse<String> answer = post(token, "/api/portfolio/roadmaps", """
                {"title": "Feuille de route", "startYear": %d, "endYear": %d, "axes": ["DEMATERIALISATION"]}"""
                .formatted(year, year + 2));
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("Could not create a roadmap: " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body()).get("id").asString();
    }

    /** Records committed by evaluation's consumer groups, over every partition of their topics. */
    private static long committed(Admin admin) {
        long total = 0;
        for (String group : CONSUMERS.keySet()) {
            total += ConsumerLag.committed(admin, group).values().stream().mapToLong(OffsetAndMetadata::offset).sum();
        }
        return total;
    }

    /** Records on the three topics that evaluation has not committed yet. */
    private static long lag(Admin admin) {
        return ConsumerLag.total(admin, CONSUMERS);
    }

    private static void awaitNoLag(Admin admin, Duration timeout) throws InterruptedException {
        if (!ConsumerLag.awaitNone(admin, CONSUMERS, timeout)) {
            throw new IllegalStateException("Evaluation still lags " + lag(admin) + " events after " + timeout);
        }
    }

    private HttpResponse<String> post(String token, String path, String body) throws IOException, InterruptedException {
        return http.send(request(token, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String token, String path) {
        return HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append(System.lineSeparator());
    }
}

package fr.mutualis.bench;

import fr.mutualis.localstack.LocalStack;
import fr.mutualis.localstack.StackApp;
import fr.mutualis.localstack.issuer.DemoClients;
import fr.mutualis.localstack.issuer.IssuerServer;
import fr.mutualis.localstack.launcher.AppProcess;
import fr.mutualis.localstack.launcher.JarLocator;
import fr.mutualis.localstack.launcher.ReadinessWaiter;
import fr.mutualis.testsupport.infra.FreePorts;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reporting job's lag behind the services: while {@code clients} propose projects through the gateway in a
 * closed loop (the platform benchmark's load, Valmont), a probe tenant (Saint-Aubin) proposes one project at a time
 * and the time from its 201 until the job's report of the quarter on {@code mutualis.reporting.territory} counts it
 * (read_committed, as any reader of the topic) is one sample. Measured with 1 then 2 instances of the job (same
 * application id: Kafka Streams spreads the partitions), the second one launched here the way local-stack launches
 * its apps.
 * <p>
 * {@code ... ReportingJobBenchmark mode=lag [duration=60] [clients=8] [instances=1,2]}
 */
final class ReportingLagBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TERRITORY = "mutualis.reporting.territory";
    private static final String JOB = "reporting-job";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final LocalStack stack;
    private final String loadToken;
    private final String probeToken;
    private final String probeKey;
    private final AtomicLong probeProjectsReported = new AtomicLong();
    private final AtomicBoolean watching = new AtomicBoolean(true);
    private final List<String> roadmaps = new ArrayList<>();

    private ReportingLagBenchmark(LocalStack stack) {
        this.stack = stack;
        this.loadToken = stack.token("valmont-agent");
        this.probeToken = stack.token("staubin-agent");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        this.probeKey = DemoClients.SAINT_AUBIN + "/" + today.getYear() + "/Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    static void run(Map<String, String> options) throws Exception {
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "60")));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        List<Integer> instances = List.of(options.getOrDefault("instances", "1,2").split(",")).stream()
                .map(Integer::parseInt).toList();
        LocalStack.Builder builder = BenchStack.builder("reporting-lag")
                .apps(List.of("gateway", "portfolio-service", JOB));
        try (LocalStack stack = BenchStack.profiled(builder, "reporting-lag", options.get("profile")).build().start()) {
            new ReportingLagBenchmark(stack).measure(duration, clients, instances);
        }
    }

    private void measure(Duration duration, int clients, List<Integer> instances) throws Exception {
        System.out.println("# Reporting job lag under load, " + clients + " clients, " + duration.toSeconds()
                + " s per row");
        for (int i = 0; i < clients; i++) {
            roadmaps.add(id(post(loadToken, "/api/portfolio/roadmaps", roadmap(i))));
        }
        Thread watcher = Thread.ofPlatform().daemon().name("territory-watcher").start(this::watchReports);
        // The probe tenant's reports exist once it has a dated fact of this year: a milestone of its first project.
        String probeRoadmap = id(post(probeToken, "/api/portfolio/roadmaps", roadmap(-1)));
        String first = id(post(probeToken, "/api/portfolio/projects", PortfolioBodies.project(probeRoadmap)));
        post(probeToken, "/api/portfolio/projects/" + first + "/milestones", """
                {"title": "Cadrage", "plannedDate": "%s"}""".formatted(LocalDate.now().withDayOfMonth(1)));
        long probes = 1;
        awaitReported(probes, Duration.ofMinutes(5));

        Map<Integer, String> rows = new LinkedHashMap<>();
        List<AppProcess> extra = new ArrayList<>();
        try {
            for (int count : instances) {
                while (extra.size() + 1 < count) {
                    extra.add(startAnotherJob(extra.size() + 2));
                    // The group rebalances; let it settle before measuring.
                    Thread.sleep(20_000);
                }
                AtomicBoolean loading = new AtomicBoolean(true);
                LoadResult[] load = new LoadResult[1];
                Thread loader = Thread.ofPlatform().start(() -> {
                    try {
                        load[0] = LoadRunner.run("gateway", clients, Duration.ofSeconds(5), duration,
                                client -> proposeProject(loadToken, roadmaps.get(client)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        loading.set(false);
                    }
                });
                Thread.sleep(5_000);
                List<Long> lags = new ArrayList<>();
                while (loading.get()) {
                    int status = proposeProject(probeToken, probeRoadmap);
                    long acknowledged = System.nanoTime();
                    if (status != 201) {
                        throw new IllegalStateException("A probe was refused: " + status);
                    }
                    probes++;
                    awaitReported(probes, Duration.ofMinutes(5));
                    lags.add(System.nanoTime() - acknowledged);
                    Thread.sleep(200);
                }
                loader.join();
                Latencies latencies = Latencies.of(lags.stream().mapToLong(Long::longValue).toArray());
                String row = String.format(Locale.ROOT, "| %d | %.1f | %d | %.0f | %.0f | %.0f | %.1f |", count,
                        load[0].perSecond(), latencies.count(), latencies.percentileMillis(50),
                        latencies.percentileMillis(99), latencies.percentileMillis(100),
                        ReportingJobBenchmark.loadAverage());
                rows.put(count, row);
                System.out.println(row);
            }
        } finally {
            watching.set(false);
            extra.forEach(job -> job.stop(Duration.ofSeconds(30)));
            watcher.join(5_000);
        }
        System.out.println();
        System.out.println("| job instances | load: projects/s through the gateway | probes | lag p50 ms | p99 ms "
                + "| max ms | load average |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.values().forEach(System.out::println);
    }

    /**
     * Another instance of the job, with the environment local-stack gives its own (its port and state directory
     * apart): same application id, so it takes its share of the partitions.
     */
    private AppProcess startAnotherJob(int number) throws IOException {
        Path jar = JarLocator.repositoryLayout(Path.of("").toAbsolutePath()).jar(StackApp.REPORTING)
                .orElseThrow(() -> new IllegalStateException("no reporting-job exec jar: package it first"));
        int port = FreePorts.pick();
        Path dir = Path.of("bench", "target", "reporting-lag").toAbsolutePath();
        Map<String, String> environment = Map.of(
                "SERVER_PORT", String.valueOf(port),
                "MUTUALIS_SECURITY_ISSUER_URI", stack.issuerUrl(),
                "MUTUALIS_SECURITY_JWK_SET_URI", stack.jwkSetUrl(),
                "MUTUALIS_SECURITY_AUDIENCE", IssuerServer.PLATFORM_AUDIENCE,
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers(),
                "MUTUALIS_REPORTING_STATE_DIR", dir.resolve("reporting-" + number).toString());
        AppProcess job = new AppProcess(StackApp.REPORTING, jar, port, environment, AppProcess.DEFAULT_JVM_OPTIONS,
                dir.resolve("logs").resolve(JOB + "-" + number + ".log"));
        job.start(true);
        new ReadinessWaiter().awaitReady(List.of(job), Duration.ofMinutes(7));
        System.out.println("job instance " + number + " ready on port " + port);
        return job;
    }

    /** Follows the report topic as a reader of committed data, keeping the probe tenant's project count. */
    private void watchReports() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TERRITORY).stream()
                    .map(info -> new TopicPartition(TERRITORY, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (watching.get()) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                    if (probeKey.equals(record.key()) && record.value() != null) {
                        long projects = JSON.readTree(record.value()).at("/portfolio/projects").asLong();
                        probeProjectsReported.accumulateAndGet(projects, Math::max);
                    }
                });
            }
        }
    }

    private void awaitReported(long projects, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (probeProjectsReported.get() < projects) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The job's report " + probeKey + " did not count " + projects
                        + " projects within " + timeout + " (it counts " + probeProjectsReported.get() + ")");
            }
            Thread.sleep(1);
        }
    }

    private int proposeProject(String token, String roadmap) {
        try {
            return post(token, "/api/portfolio/projects", PortfolioBodies.project(roadmap)).statusCode();
        } catch (IOException e) {
            return 599;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 599;
        }
    }

    private static String roadmap(int client) {
        return """
                {"title": "Feuille de route %d", "startYear": 2026, "endYear": 2028, "axes": ["DEMATERIALISATION"]}"""
                .formatted(client);
    }

    private static String id(HttpResponse<String> created) {
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Refused: " + created.statusCode() + " " + created.body());
        }
        return JSON.readTree(created.body()).get("id").asString();
    }

    private HttpResponse<String> post(String token, String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

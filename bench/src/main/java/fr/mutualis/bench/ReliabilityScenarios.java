package fr.mutualis.bench;

import fr.mutualis.localstack.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntUnaryOperator;

/**
 * Fault injection against the whole platform, started as local-stack starts it. Each scenario prints what it
 * injected and the counts it compared, and the run exits non-zero if any comparison fails.
 * <ol>
 *   <li>SIGKILL of portfolio-service while writes flow through the gateway (this also kills the outbox publisher
 *       between event-store commits and Kafka sends): every acknowledged write is readable after restart, and
 *       evaluation's copy converges to portfolio's count, without duplicates.</li>
 *   <li>SIGKILL of evaluation-service (the consumer) under the same load: after restart its copy converges to the
 *       same count: no event lost, none applied twice.</li>
 *   <li>A poison record on every topic: it lands in the dead-letter topic, is counted in the consumers' metrics, and
 *       consumption goes on.</li>
 * </ol>
 * {@code java -cp bench/target/bench-0.1.0-SNAPSHOT-exec.jar -Dloader.main=fr.mutualis.bench.ReliabilityScenarios
 * org.springframework.boot.loader.launch.PropertiesLauncher} from the repository root.
 */
public final class ReliabilityScenarios {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CONVERGENCE = Duration.ofSeconds(60);
    private static final String VALMONT = "210000022";
    private static final List<String> TOPICS = List.of("mutualis.portfolio.events", "mutualis.budget.events",
            "mutualis.governance.events", "mutualis.evaluation.events");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final LocalStack stack;
    private final String token;
    private final String roadmapId;
    private int failures;

    private ReliabilityScenarios(LocalStack stack) throws IOException, InterruptedException {
        this.stack = stack;
        this.token = stack.token("valmont-agent");
        HttpResponse<String> roadmap = post("/api/portfolio/roadmaps", """
                {"title": "Feuille de route", "startYear": 2026, "endYear": 2028, "axes": ["OPEN_DATA"]}""");
        this.roadmapId = JSON.readTree(roadmap.body()).get("id").asString();
    }

    public static void main(String[] args) throws Exception {
        BenchStack.quietLogs();
        int failures;
        if (List.of(args).contains("instances")) {
            // Two instances of portfolio-service and evaluation-service behind the gateway (issue 20).
            try (LocalStack stack = BenchStack.builder("instances-stack")
                    .apps(List.of("gateway", "portfolio-service", "evaluation-service"))
                    .loadDemo(false)
                    .instances("portfolio-service", 2)
                    .instances("evaluation-service", 2)
                    .build()
                    .start()) {
                ReliabilityScenarios scenarios = new ReliabilityScenarios(stack);
                scenarios.throughputWithOneAndTwoInstances();
                scenarios.instancesKilledUnderLoad();
                failures = scenarios.failures;
            }
            System.out.println(failures == 0 ? "ALL SCENARIOS PASSED" : failures + " COMPARISON(S) FAILED");
            System.exit(failures == 0 ? 0 : 1);
        }
        try (LocalStack stack = BenchStack.builder("reliability-stack")
                .build()
                .start()) {
            ReliabilityScenarios scenarios = new ReliabilityScenarios(stack);
            scenarios.crashUnderLoad("portfolio-service");
            scenarios.crashUnderLoad("evaluation-service");
            scenarios.brokerRestartUnderLoad();
            scenarios.publisherCrashBetweenCommitAndSend();
            scenarios.rebuildEveryReadModelWhileWriting();
            scenarios.poisonOnEveryTopic();
            failures = scenarios.failures;
        }
        System.out.println(failures == 0 ? "ALL SCENARIOS PASSED" : failures + " COMPARISON(S) FAILED");
        System.exit(failures == 0 ? 0 : 1);
    }

    private void crashUnderLoad(String victim) throws Exception {
        System.out.println();
        System.out.println("== Scenario: SIGKILL " + victim + " while 8 clients write projects through the gateway");
        Writers writers = new Writers(8);
        Thread.sleep(5_000);
        int beforeCrash = writers.acknowledged.size();
        long killedAt = System.nanoTime();
        stack.killApp(victim);
        Thread.sleep(2_000);
        // the figure the e2e tests no longer assert (they only catch a hang): how fast the gateway answers for a dead service
        String route = "/api/" + victim.replace("-service", "") + "/no-such-resource";
        long asked = System.nanoTime();
        HttpResponse<String> down = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + route))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.printf("measured: with %s down, the gateway answered %d in %d ms%n", victim, down.statusCode(),
                Duration.ofNanos(System.nanoTime() - asked).toMillis());
        stack.startApp(victim);
        double downSeconds = (System.nanoTime() - killedAt) / 1e9;
        Thread.sleep(5_000);
        writers.stop();
        System.out.printf("injected: SIGKILL of %s after %d acknowledged writes; back after %.1f s%n", victim,
                beforeCrash, downSeconds);
        writers.report();
        compareEverywhere(writers.acknowledged);
    }

    private void brokerRestartUnderLoad() throws Exception {
        System.out.println();
        System.out.println("== Scenario: the Kafka broker stops for 10 s while 8 clients write projects through the gateway");
        Writers writers = new Writers(8);
        Thread.sleep(3_000);
        int beforeStop = writers.acknowledged.size();
        stack.stopKafkaBroker();
        long stoppedAt = System.nanoTime();
        Thread.sleep(10_000);
        int whileDown = writers.acknowledged.size() - beforeStop;
        stack.startKafkaBroker();
        double downSeconds = (System.nanoTime() - stoppedAt) / 1e9;
        Thread.sleep(3_000);
        writers.stop();
        System.out.printf("injected: broker stopped after %d acknowledged writes, started again after %.1f s;"
                + " %d writes acknowledged while it was down%n", beforeStop, downSeconds, whileDown);
        writers.report();
        compareEverywhere(writers.acknowledged);
    }

    /**
     * The outbox's worst moment: events committed to portfolio's event store that Kafka never received, then the
     * publisher killed. After restart they must be sent (once or more) and applied once downstream.
     */
    private void publisherCrashBetweenCommitAndSend() throws Exception {
        System.out.println();
        System.out.println("== Scenario: SIGKILL portfolio between its event store commits and their Kafka sends");
        int evaluationBefore = (int) awaitEvaluationTotal(portfolioTotal());
        stack.stopKafkaBroker();
        Set<String> acknowledged = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> response = post("/api/portfolio/projects", project());
            if (response.statusCode() == 201) {
                acknowledged.add(JSON.readTree(response.body()).get("id").asString());
            }
        }
        stack.killApp("portfolio-service");
        System.out.printf("injected: broker stopped, %d projects committed to portfolio's event store and not sent,"
                + " portfolio killed (SIGKILL)%n", acknowledged.size());
        stack.startKafkaBroker();
        stack.startApp("portfolio-service");
        compare("evaluation counts each unsent event once after the restart", evaluationBefore + acknowledged.size(),
                awaitEvaluationTotal(evaluationBefore + acknowledged.size()));
        compareEverywhere(acknowledged);
    }

    /** Every service rebuilds its read models from scratch while writes go on; the result is the live one. */
    private void rebuildEveryReadModelWhileWriting() throws Exception {
        System.out.println();
        System.out.println("== Scenario: rebuild every read model of every service while 8 clients write");
        List<String> services = List.of("portfolio", "budget", "governance", "evaluation");
        Map<String, String> before = new java.util.TreeMap<>();
        for (String service : services) {
            before.put(service, readModelFingerprint(service));
        }
        Writers writers = new Writers(8);
        Thread.sleep(2_000);
        String admin = stack.token("platform-admin");
        for (String service : services) {
            HttpResponse<String> started = http.send(adminRequest("/api/" + service + "/admin/rebuild", admin)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            System.out.printf("injected: POST /api/%s/admin/rebuild -> %d%n", service, started.statusCode());
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        Map<String, String> states = new java.util.TreeMap<>();
        while (System.nanoTime() < deadline) {
            for (String service : services) {
                HttpResponse<String> status = http.send(adminRequest("/api/" + service + "/admin/rebuild", admin)
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                states.put(service, status.statusCode() == 200
                        ? JSON.readTree(status.body()).get("state").asString() : "HTTP " + status.statusCode());
            }
            if (states.values().stream().noneMatch("RUNNING"::equals)) {
                break;
            }
            Thread.sleep(500);
        }
        writers.stop();
        System.out.println("rebuilds: " + states);
        states.forEach((service, state) -> compare(service + "'s rebuild completed", 1, "COMPLETED".equals(state) ? 1 : 0));
        writers.report();
        compareEverywhere(writers.acknowledged);
        for (String service : services.subList(1, services.size())) {
            String after = readModelFingerprint(service);
            compare(service + "'s read models equal what they were (no writes there meanwhile)", 1,
                    before.get(service).equals(after) ? 1 : 0);
            if (!before.get(service).equals(after)) {
                System.out.println("    before: " + abbreviate(before.get(service)));
                System.out.println("    after:  " + abbreviate(after));
            }
        }
    }

    /** What a tenant reads from a service's main lists: a rebuild must give it back unchanged. */
    private String readModelFingerprint(String service) throws IOException, InterruptedException {
        List<String> paths = switch (service) {
            case "portfolio" -> List.of("/api/portfolio/roadmaps?size=200", "/api/portfolio/projects?size=200");
            case "budget" -> List.of("/api/budget/summary?fiscalYear=2026");
            case "governance" -> List.of("/api/governance/instances?size=200", "/api/governance/decisions");
            default -> List.of("/api/evaluation/barometer");
        };
        StringBuilder fingerprint = new StringBuilder();
        for (String path : paths) {
            HttpResponse<String> response = get(path);
            fingerprint.append(path).append(' ').append(response.statusCode()).append(' ').append(response.body()).append('\n');
        }
        return fingerprint.toString();
    }

    private static String abbreviate(String text) {
        String line = text.replace('\n', ' ');
        return line.length() <= 600 ? line : line.substring(0, 600) + "…";
    }

    private HttpRequest.Builder adminRequest(String path, String adminToken) {
        return HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken).header("X-Tenant-Id", VALMONT);
    }

    /** Every acknowledged write is in portfolio's read model once, and evaluation's copy has converged to it. */
    /**
     * Creates through the gateway at 16 clients with both portfolio instances, then with one (the other killed and
     * left out by the gateway's health checks, its segments taken over), in the same run.
     */
    private void throughputWithOneAndTwoInstances() throws Exception {
        System.out.println();
        System.out.println("== Throughput: POST /api/portfolio/projects through the gateway, 16 clients, two then one portfolio instance");
        awaitSegmentsSpread(2);
        IntUnaryOperator create = client -> {
            try {
                return post("/api/portfolio/projects", project()).statusCode();
            } catch (IOException e) {
                return 599;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 599;
            }
        };
        LoadResult two = LoadRunner.run("two instances", 16, Duration.ofSeconds(5), Duration.ofSeconds(20), create);
        stack.killInstance("portfolio-service", 1);
        awaitSegmentsSpread(1);
        LoadResult one = LoadRunner.run("one instance", 16, Duration.ofSeconds(5), Duration.ofSeconds(20), create);
        for (LoadResult result : List.of(one, two)) {
            System.out.printf("measured: %s: %.1f creates/s, p50 %.0f ms, p99 %.0f ms, %d refused%n", result.target(),
                    result.perSecond(), result.latencies().percentileMillis(50),
                    result.latencies().percentileMillis(99), result.refused());
        }
        System.out.printf("measured: two instances / one: %.2f (load average %s)%n", two.perSecond() / one.perSecond(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        stack.startInstance("portfolio-service", 1);
    }

    /**
     * Kills one instance of portfolio-service and one of evaluation-service with SIGKILL while 8 clients write
     * through the gateway, restarts them, and checks that nothing acknowledged is lost or doubled, that evaluation
     * counts what portfolio holds, and that both portfolio instances share its processors again.
     */
    private void instancesKilledUnderLoad() throws Exception {
        System.out.println();
        System.out.println("== Scenario: SIGKILL one instance of portfolio-service and of evaluation-service under 8 writers");
        awaitSegmentsSpread(2);
        Writers writers = new Writers(8);
        Thread.sleep(5_000);
        int beforeCrash = writers.acknowledged.size();
        long killedAt = System.nanoTime();
        stack.killInstance("portfolio-service", 1);
        stack.killInstance("evaluation-service", 1);
        Thread.sleep(10_000);
        int whileDown = writers.acknowledged.size() - beforeCrash;
        stack.startInstance("portfolio-service", 1);
        stack.startInstance("evaluation-service", 1);
        double downSeconds = (System.nanoTime() - killedAt) / 1e9;
        Thread.sleep(5_000);
        writers.stop();
        System.out.printf("injected: SIGKILL of portfolio-service #2 and evaluation-service #2 after %d acknowledged"
                + " writes; %d acknowledged by the survivors meanwhile; back after %.1f s%n", beforeCrash, whileDown,
                downSeconds);
        writers.report();
        compare("writes acknowledged while one instance of each was down (> 0)", 1, whileDown > 0 ? 1 : 0);
        compareEverywhere(writers.acknowledged);
        compare("portfolio's processors shared by its two instances again", 1, awaitSegmentsSpread(2) ? 1 : 0);
    }

    /** Waits until each of portfolio's processors has its segments held by {@code instances} instances evenly. */
    private boolean awaitSegmentsSpread(int instances) throws Exception {
        long start = System.nanoTime();
        long deadline = start + CONVERGENCE.toNanos();
        Map<String, Map<String, Integer>> owners = Map.of();
        while (System.nanoTime() < deadline) {
            owners = segmentOwners();
            boolean spread = !owners.isEmpty() && owners.values().stream().allMatch(byOwner -> byOwner.size() == instances
                    && byOwner.values().stream().distinct().count() == 1);
            if (spread) {
                System.out.printf("  segments held by %d instance(s) evenly after %.1f s: %s%n", instances,
                        (System.nanoTime() - start) / 1e9, owners);
                return true;
            }
            Thread.sleep(500);
        }
        System.out.printf("  segments not spread over %d instance(s) within %d s: %s%n", instances,
                CONVERGENCE.toSeconds(), owners);
        return false;
    }

    private Map<String, Map<String, Integer>> segmentOwners() throws java.sql.SQLException {
        Map<String, Map<String, Integer>> owners = new java.util.TreeMap<>();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(stack.jdbcUrl("portfolio"),
                LocalStack.DB_USERNAME, LocalStack.DB_PASSWORD);
             java.sql.ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT processor_name, owner, count(*) FROM token_entry WHERE owner IS NOT NULL"
                             + " GROUP BY processor_name, owner")) {
            while (rows.next()) {
                owners.computeIfAbsent(rows.getString(1), name -> new java.util.TreeMap<>())
                        .put(rows.getString(2), rows.getInt(3));
            }
        }
        return owners;
    }

    private void compareEverywhere(Set<String> acknowledged) throws Exception {
        long start = System.nanoTime();
        List<String> portfolioIds = awaitPortfolioContains(acknowledged);
        Set<String> distinct = new HashSet<>(portfolioIds);
        compare("every acknowledged write is in portfolio's read model", acknowledged.size(),
                (int) acknowledged.stream().filter(distinct::contains).count());
        compare("portfolio's read model has no duplicate", portfolioIds.size(), distinct.size());
        int portfolioTotal = portfolioTotal();
        long evaluationTotal = awaitEvaluationTotal(portfolioTotal);
        compare("evaluation's copy converged to portfolio's count within " + CONVERGENCE.toSeconds() + " s",
                portfolioTotal, evaluationTotal);
        System.out.printf("  (converged %.1f s after the load stopped)%n", (System.nanoTime() - start) / 1e9);
    }

    /** Clients writing projects through the gateway until stopped; what answered 201 is acknowledged. */
    private final class Writers {

        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final AtomicLong refused = new AtomicLong();
        private final AtomicBoolean writing = new AtomicBoolean(true);
        private final List<Thread> clients = new ArrayList<>();

        Writers(int count) {
            for (int i = 0; i < count; i++) {
                clients.add(Thread.ofPlatform().name("writer-" + i).start(this::write));
            }
        }

        private void write() {
            while (writing.get()) {
                try {
                    HttpResponse<String> response = post("/api/portfolio/projects", project());
                    if (response.statusCode() == 201) {
                        acknowledged.add(JSON.readTree(response.body()).get("id").asString());
                    } else {
                        refused.incrementAndGet();
                    }
                } catch (IOException | RuntimeException e) {
                    refused.incrementAndGet();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            writing.set(false);
            for (Thread client : clients) {
                client.join();
            }
        }

        void report() {
            System.out.printf("writes: %d acknowledged (201), %d refused or failed%n", acknowledged.size(), refused.get());
        }
    }

    private void poisonOnEveryTopic() throws Exception {
        System.out.println();
        System.out.println("== Scenario: one poison record on every topic");
        Map<String, Double> deadLetteredBefore = deadLetteredCounts();
        String key = "poison-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (String topic : TOPICS) {
                producer.send(new ProducerRecord<>(topic, key, "{not an envelope")).get();
            }
        }
        System.out.println("injected: '{not an envelope' with key " + key + " on " + String.join(", ", TOPICS));
        long deadline = System.nanoTime() + CONVERGENCE.toNanos();
        Map<String, Integer> inDeadLetters = deadLetterCounts(key);
        while (System.nanoTime() < deadline && !allDeadLettered(inDeadLetters)) {
            Thread.sleep(500);
            inDeadLetters = deadLetterCounts(key);
        }
        for (String topic : TOPICS) {
            if (hasConsumers(topic)) {
                compare(topic + ".DLT holds the poison record (one per consumer group at least)", 1,
                        Math.min(1, inDeadLetters.getOrDefault(topic, 0)));
            } else {
                System.out.println("  (no service consumes " + topic + " yet: nothing to dead-letter)");
            }
        }
        Map<String, Double> deadLetteredAfter = deadLetteredCounts();
        double counted = deadLetteredAfter.values().stream().mapToDouble(Double::doubleValue).sum()
                - deadLetteredBefore.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("metrics: mutualis.integration.dead.lettered grew by %.0f across services %s%n", counted,
                deadLetteredAfter);
        compare("dead-lettered records are counted in metrics", 1, counted >= 1 ? 1 : 0);

        int before = portfolioTotal();
        HttpResponse<String> after = post("/api/portfolio/projects", project());
        compare("a write after the poison is accepted", 201, after.statusCode());
        compare("and still reaches evaluation (consumption goes on)", before + 1, awaitEvaluationTotal(before + 1));
    }

    private boolean allDeadLettered(Map<String, Integer> inDeadLetters) {
        return TOPICS.stream().filter(this::hasConsumers).allMatch(topic -> inDeadLetters.getOrDefault(topic, 0) > 0);
    }

    /** Which topics some service consumes today: only those can dead-letter. */
    private boolean hasConsumers(String topic) {
        return !topic.equals("mutualis.evaluation.events");
    }

    private Map<String, Integer> deadLetterCounts(String key) {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            for (String topic : TOPICS) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic + ".DLT").stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        if (key.equals(record.key())) {
                            counts.merge(topic, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        return counts;
    }

    private Map<String, Double> deadLetteredCounts() {
        Map<String, Double> counts = new java.util.TreeMap<>();
        for (var app : stack.apps()) {
            if (!app.isService()) {
                continue;
            }
            try {
                // Metrics are for the platform's operators (PLATFORM_ADMIN or MONITORING).
                HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                                URI.create(stack.appUrl(app.module()) + "/actuator/prometheus"))
                                .header("Authorization", "Bearer " + stack.token("platform-admin")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                double sum = metrics.body().lines()
                        .filter(line -> line.startsWith("mutualis_integration_dead_lettered"))
                        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                        .sum();
                counts.put(app.module(), sum);
            } catch (IOException | InterruptedException | RuntimeException e) {
                counts.put(app.module(), 0.0);
            }
        }
        return counts;
    }

    private List<String> awaitPortfolioContains(Set<String> acknowledged) throws Exception {
        long deadline = System.nanoTime() + CONVERGENCE.toNanos();
        List<String> ids = List.of();
        while (System.nanoTime() < deadline) {
            ids = portfolioIds();
            if (ids.containsAll(acknowledged)) {
                return ids;
            }
            Thread.sleep(500);
        }
        return ids;
    }

    private List<String> portfolioIds() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = JSON.readTree(get("/api/portfolio/projects?roadmapId=" + roadmapId + "&size=200&page=" + page).body());
            body.get("items").forEach(item -> ids.add(item.get("id").asString()));
            if (ids.size() >= body.get("total").asLong() || body.get("items").isEmpty()) {
                return ids;
            }
        }
    }

    private int portfolioTotal() throws IOException, InterruptedException {
        return JSON.readTree(get("/api/portfolio/projects?size=1").body()).get("total").asInt();
    }

    private long awaitEvaluationTotal(long expected) throws Exception {
        long deadline = System.nanoTime() + CONVERGENCE.toNanos();
        long total = -1;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> dashboard = get("/api/evaluation/dashboard");
            if (dashboard.statusCode() == 200) {
                total = JSON.readTree(dashboard.body()).at("/projects/total").asLong();
                if (total == expected) {
                    return total;
                }
            }
            Thread.sleep(500);
        }
        return total;
    }

    private void compare(String what, long expected, long actual) {
        boolean ok = expected == actual;
        System.out.printf("  [%s] %s: expected %d, got %d%n", ok ? "ok" : "FAILED", what, expected, actual);
        if (!ok) {
            failures++;
        }
    }

    private String project() {
        return """
                {"roadmapId": "%s", "title": "Portail open data", "description": "Jeux de données",
                 "axis": "OPEN_DATA", "theme": "USER_SERVICES", "sponsor": "Élu", "manager": "DSI",
                 "plannedStart": "2026-03-01", "plannedEnd": "2027-06-30",
                 "estimatedInvestmentCents": 1000000, "estimatedOperatingCents": 200000}""".formatted(roadmapId);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token);
    }
}

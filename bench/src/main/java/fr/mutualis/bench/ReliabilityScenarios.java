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
import org.slf4j.bridge.SLF4JBridgeHandler;
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
        System.setProperty("logback.configurationFile", "local-stack-logback.xml");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        int failures;
        try (LocalStack stack = LocalStack.builder()
                .randomPorts()
                .workDir(Path.of("bench", "target", "reliability-stack"))
                .loadDemo(false)
                // the per-tenant limit stays on (its cost is part of the gateway's), high enough not to throttle
                .appEnvironment("gateway", "MUTUALIS_GATEWAY_RATE_LIMIT_REPLENISH_RATE", "1000000")
                .appEnvironment("gateway", "MUTUALIS_GATEWAY_RATE_LIMIT_BURST_CAPACITY", "1000000")
                .build()
                .start()) {
            ReliabilityScenarios scenarios = new ReliabilityScenarios(stack);
            scenarios.crashUnderLoad("portfolio-service");
            scenarios.crashUnderLoad("evaluation-service");
            scenarios.poisonOnEveryTopic();
            failures = scenarios.failures;
        }
        System.out.println(failures == 0 ? "ALL SCENARIOS PASSED" : failures + " COMPARISON(S) FAILED");
        System.exit(failures == 0 ? 0 : 1);
    }

    private void crashUnderLoad(String victim) throws Exception {
        System.out.println();
        System.out.println("== Scenario: SIGKILL " + victim + " while 8 clients write projects through the gateway");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicLong refused = new AtomicLong();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clients.add(Thread.ofPlatform().name("writer-" + i).start(() -> {
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
            }));
        }
        Thread.sleep(5_000);
        int beforeCrash = acknowledged.size();
        long killedAt = System.nanoTime();
        stack.killApp(victim);
        Thread.sleep(2_000);
        stack.startApp(victim);
        double downSeconds = (System.nanoTime() - killedAt) / 1e9;
        Thread.sleep(5_000);
        writing.set(false);
        for (Thread client : clients) {
            client.join();
        }
        System.out.printf("injected: SIGKILL of %s after %d acknowledged writes; back after %.1f s%n", victim,
                beforeCrash, downSeconds);
        System.out.printf("writes: %d acknowledged (201), %d refused or failed while it was down%n",
                acknowledged.size(), refused.get());

        List<String> portfolioIds = awaitPortfolioContains(acknowledged);
        Set<String> distinct = new HashSet<>(portfolioIds);
        compare("every acknowledged write is in portfolio's read model", acknowledged.size(),
                (int) acknowledged.stream().filter(distinct::contains).count());
        compare("portfolio's read model has no duplicate", portfolioIds.size(), distinct.size());
        long evaluationTotal = awaitEvaluationTotal(portfolioIds.size());
        compare("evaluation's copy converged to portfolio's count within " + CONVERGENCE.toSeconds() + " s",
                portfolioIds.size(), evaluationTotal);
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
                HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                                URI.create(stack.appUrl(app.module()) + "/actuator/prometheus")).GET().build(),
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

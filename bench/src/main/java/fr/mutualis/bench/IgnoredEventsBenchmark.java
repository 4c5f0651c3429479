package fr.mutualis.bench;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.IntegrationEvents;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.governance.SessionScheduled;
import fr.mutualis.localstack.LocalStack;
import fr.mutualis.testsupport.TestEvents;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What a record its consumer group does not apply costs (issue 18): most of what a topic carries is of no interest
 * to most of its groups (the published references' and directories' listeners apply one to five types). Starts the
 * gateway and the portfolio, budget and governance services (no evaluation, which applies séances), lets them settle
 * and measures their CPU at rest, then sends {@code records} {@code governance.SessionScheduled} envelopes as the
 * publisher writes them ({@link TestEvents#record}, headers included) and waits until every group reading governance's topic has committed
 * them: portfolio's two groups and budget's three read each one, none applies it. Prints each service's CPU and
 * PostgreSQL's, at rest removed, per record and per record and group.
 * <p>
 * {@code java -cp bench/target/bench-0.1.0-SNAPSHOT-exec.jar -Dloader.main=fr.mutualis.bench.IgnoredEventsBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [records=10000] [rest=20]} from the repository root, once
 * every module is packaged.
 */
public final class IgnoredEventsBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> APPS = List.of("gateway", "portfolio-service", "budget-service", "governance-service");
    /** Each app's groups on governance's topic, none of which applies a séance's scheduling. */
    private static final Map<String, List<String>> GROUPS = Map.of(
            "portfolio-service", List.of("portfolio-governance-decisions", "portfolio-service-mutualisation-directory"),
            "budget-service", List.of("budget-governance-events", "budget-service-mutualisation-directory",
                    "budget-service-published-references"));
    private static final String OWNER = "210000022";

    private final LocalStack stack;

    private IgnoredEventsBenchmark(LocalStack stack) {
        this.stack = stack;
    }

    public static void main(String[] args) throws Exception {
        BenchStack.quietLogs();
        Map<String, String> options = BenchStack.options(args);
        int records = Integer.parseInt(options.getOrDefault("records", "10000"));
        Duration rest = Duration.ofSeconds(Long.parseLong(options.getOrDefault("rest", "20")));
        try (LocalStack stack = BenchStack.builder("ignored-events-bench").apps(APPS).build().start()) {
            new IgnoredEventsBenchmark(stack).run(records, rest);
        }
    }

    private void run(int records, Duration rest) throws Exception {
        Thread.sleep(rest.toMillis());
        Map<String, Double> atRestFrom = cpu();
        long restStart = System.nanoTime();
        Thread.sleep(rest.toMillis());
        Map<String, Double> atRestTo = cpu();
        double restSeconds = (System.nanoTime() - restStart) / 1e9;

        long start = System.nanoTime();
        send(records);
        Map<String, List<String>> topicsByGroup = new LinkedHashMap<>();
        GROUPS.values().forEach(groups -> groups.forEach(group -> topicsByGroup.put(group, List.of(Topics.GOVERNANCE))));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            if (!ConsumerLag.awaitNone(admin, topicsByGroup, Duration.ofMinutes(10))) {
                throw new IllegalStateException("The groups did not catch up within 10 minutes: "
                        + ConsumerLag.perGroup(admin, topicsByGroup));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> after = cpu();

        System.out.printf(Locale.ROOT, "## %d governance.SessionScheduled records read and ignored, committed by every group "
                + "in %.1f s (load average %s)%n", records, seconds, BenchStack.loadAverage());
        System.out.println("| process | groups | CPU-s (at rest removed) | ms per record | ms per record and group |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (String process : after.keySet()) {
            double atRestRate = (atRestTo.get(process) - atRestFrom.get(process)) / restSeconds;
            double used = after.get(process) - atRestTo.get(process) - atRestRate * seconds;
            int groups = GROUPS.getOrDefault(process, List.of()).size();
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.3f | %s |%n", process, groups, used,
                    1000 * used / records, groups == 0 ? "" : String.format(Locale.ROOT, "%.3f", 1000 * used / records / groups));
        }
    }

    private void send(int records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer())) {
            var described = IntegrationEvents.describe(SessionScheduled.class);
            for (int i = 0; i < records; i++) {
                UUID session = UUID.randomUUID();
                SessionScheduled scheduled = new SessionScheduled(session, UUID.randomUUID(), OWNER, "CONSEIL_MUNICIPAL",
                        Instant.parse("2026-12-10T18:00:00Z"), LocalDate.of(2026, 12, 1), false);
                EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), described.type(), described.version(),
                        Instant.now(), OWNER, session.toString(), 0, "bench", JSON.valueToTree(scheduled));
                producer.send(TestEvents.record(Topics.GOVERNANCE, envelope));
            }
            producer.flush();
        }
    }

    /** CPU seconds of the services reading the records, and of PostgreSQL. */
    private Map<String, Double> cpu() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String app : GROUPS.keySet().stream().sorted().toList()) {
            seconds.put(app, ProcessMemory.cpuSeconds(stack.appPid(app).orElseThrow()));
        }
        seconds.put("postgresql", ProcessMemory.postgresCpuSeconds(stack.postgresPort()));
        return seconds;
    }
}

package fr.mutualis.bench;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.IntegrationEvent;
import fr.mutualis.contracts.IntegrationEvents;
import fr.mutualis.contracts.Sirens;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.budget.BudgetLineOpened;
import fr.mutualis.contracts.budget.CreditsVoted;
import fr.mutualis.contracts.budget.EngagementRecorded;
import fr.mutualis.contracts.budget.MandateRecorded;
import fr.mutualis.contracts.evaluation.IndicatorDefined;
import fr.mutualis.contracts.evaluation.MeasurementRecorded;
import fr.mutualis.contracts.governance.DecisionPublished;
import fr.mutualis.contracts.governance.SessionClosed;
import fr.mutualis.contracts.portfolio.MilestonePlanned;
import fr.mutualis.contracts.portfolio.MilestoneReached;
import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.contracts.portfolio.ProjectStatusChanged;
import fr.mutualis.localstack.LocalStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The reporting job catching up: N synthetic events (a realistic mix of the four contexts, spread over many
 * collectivités) are produced on the four topics while the job is stopped; then the same run measures the plain
 * Kafka consume rate of those topics (one consumer, read_committed, values as strings) and the job's rate from its
 * first committed offset to its last (its consumer group's committed offsets against the topics' ends).
 * <p>
 * {@code java -cp bench/target/bench-0.1.0-SNAPSHOT-exec.jar -Dloader.main=fr.mutualis.bench.ReportingJobBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [events=1000000] [owners=500] [decoded-owners=0,2000]
 * [profile=reporting-job]}; with {@code mode=lag}, {@link ReportingLagBenchmark}.
 */
public final class ReportingJobBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JOB = "reporting-job";
    private static final String GROUP = "mutualis-reporting-job";

    private final LocalStack stack;
    private final Map<String, Long> sequences = new HashMap<>();

    private ReportingJobBenchmark(LocalStack stack) {
        this.stack = stack;
    }

    public static void main(String[] args) throws Exception {
        BenchStack.quietLogs();
        Map<String, String> options = BenchStack.options(args);
        if ("lag".equals(options.get("mode"))) {
            ReportingLagBenchmark.run(options);
            return;
        }
        long events = Long.parseLong(options.getOrDefault("events", "1000000"));
        int owners = Integer.parseInt(options.getOrDefault("owners", "500"));
        List<String> decodedOwners = List.of(options.getOrDefault("decoded-owners", "2000").split(","));
        LocalStack.Builder builder = BenchStack.builder("reporting-stack").apps(List.of(JOB));
        try (LocalStack stack = BenchStack.profiled(builder, "reporting-stack", options.get("profile")).build().start()) {
            new ReportingJobBenchmark(stack).run(events, owners, decodedOwners);
        }
    }

    /**
     * Each value of {@code decodedOwners} is one catch-up of the job on the same events, under its own application
     * id (so from the beginning, with new state): {@code 0} keeps no facts decoded, so each event decodes and encodes
     * its owner's facts as the job did before its decoded cache.
     */
    private void run(long target, int owners, List<String> decodedOwners) throws Exception {
        System.out.println("# Reporting job catch-up benchmark");
        stack.stopApp(JOB);
        long started = System.nanoTime();
        long produced = produce(target, owners);
        System.out.printf(Locale.ROOT, "produced: %d events for %d collectivités in %.1f s%n", produced, owners,
                seconds(started));

        long consumeStart = System.nanoTime();
        long consumed = consumeAll();
        double consumeSeconds = seconds(consumeStart);
        double consumeRate = consumed / consumeSeconds;
        System.out.printf(Locale.ROOT, "plain consumer: %d records in %.1f s, %.0f records/s (load average %.1f)%n",
                consumed, consumeSeconds, consumeRate, loadAverage());
        for (String decoded : decodedOwners) {
            String group = GROUP + "-decoded-" + decoded;
            stack.restartApp(JOB, Map.of("SPRING_KAFKA_STREAMS_APPLICATION_ID", group,
                    "MUTUALIS_REPORTING_DECODED_OWNERS", decoded));
            System.out.printf(Locale.ROOT, "decoded-owners=%s: ", decoded);
            catchUp(group, consumeRate);
            stack.stopApp(JOB);
        }
    }

    private void catchUp(String group, double consumeRate) throws Exception {
        long jobStart = System.nanoTime();
        Map<TopicPartition, Long> ends = ends();
        long total = ends.values().stream().mapToLong(Long::longValue).sum();
        long firstCommitAt = 0;
        double cpuAtFirstCommit = 0;
        long lastReport = System.nanoTime();
        while (true) {
            long committed = committed(group);
            if (committed > 0 && firstCommitAt == 0) {
                firstCommitAt = System.nanoTime();
                cpuAtFirstCommit = cpuSeconds();
            }
            if (committed >= total) {
                break;
            }
            if (System.nanoTime() - lastReport > 30_000_000_000L) {
                System.out.printf(Locale.ROOT, "  job: %d / %d committed after %.0f s%n", committed, total,
                        seconds(jobStart));
                lastReport = System.nanoTime();
            }
            Thread.sleep(500);
        }
        double jobCpu = cpuSeconds() - cpuAtFirstCommit;
        double jobSeconds = seconds(firstCommitAt);
        double jobRate = total / Math.max(jobSeconds, 1e-3);
        System.out.printf(Locale.ROOT, "job: %d events in %.1f s from its first commit (%.1f s with its start), "
                + "%.0f events/s, %.3f x the plain consumer (load average %.1f); the job's CPU time %.1f s, "
                + "%.1f ms per 1,000 events%n", total, jobSeconds, seconds(jobStart), jobRate, jobRate / consumeRate,
                loadAverage(), jobCpu, jobCpu * 1e6 / total);
    }

    /** Per collectivité, units of 22 events: a project and its milestones, its line and spending, an indicator... */
    private long produce(long target, int owners) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.ACKS_CONFIG, "1");
        long sent = 0;
        List<String> sirens = new ArrayList<>();
        for (int i = 0; i < owners; i++) {
            sirens.add(Sirens.completing(String.format(Locale.ROOT, "3%07d", i)));
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (long unit = 0; sent < target; unit++) {
                String owner = sirens.get((int) (unit % owners));
                for (Record event : unit(owner, unit)) {
                    IntegrationEvent described = IntegrationEvents.describe(event.getClass());
                    String aggregate = aggregateOf(event);
                    long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
                    EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), described.type(),
                            described.version(), Instant.parse("2026-06-01T08:00:00Z").plusSeconds(unit), owner,
                            aggregate, sequence, null, JSON.valueToTree(event));
                    String topic = "mutualis." + described.type().substring(0, described.type().indexOf('.'))
                            + ".events";
                    producer.send(new ProducerRecord<>(topic, aggregate, JSON.writeValueAsString(envelope)));
                    sent++;
                }
            }
            producer.flush();
        }
        return sent;
    }

    private static List<Record> unit(String owner, long unit) {
        UUID project = UUID.randomUUID();
        UUID line = UUID.randomUUID();
        UUID indicator = UUID.randomUUID();
        UUID instance = new UUID(0, unit % 7);
        UUID session = UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 1, 1).plusDays(unit % 360);
        List<Record> events = new ArrayList<>();
        String axis = List.of("OPEN_DATA", "DEMATERIALISATION", "SMART_CITY", "E_INCLUSION").get((int) (unit % 4));
        events.add(new ProjectProposed(project, null, owner, "Projet " + unit, axis, "SERVICES", day, day.plusDays(200),
                100_000_00, 10_000_00));
        events.add(new ProjectStatusChanged(project, null, owner, axis, "PROPOSED", "APPROVED", null, null, day));
        events.add(new ProjectStatusChanged(project, null, owner, axis, "APPROVED", "IN_PROGRESS", null, null,
                day.plusDays(10)));
        UUID first = UUID.randomUUID();
        events.add(new MilestonePlanned(project, first, owner, "Cadrage", day.plusDays(30)));
        events.add(new MilestonePlanned(project, UUID.randomUUID(), owner, "Recette", day.plusDays(90)));
        events.add(new MilestoneReached(project, first, owner, day.plusDays(30), day.plusDays(35)));
        events.add(new BudgetLineOpened(line, owner, 2026, unit % 2 == 0 ? "INVESTMENT" : "OPERATING", "21", "Ligne",
                project, 50_000_00));
        events.add(new CreditsVoted(line, owner, 2026, unit % 2 == 0 ? "INVESTMENT" : "OPERATING", "BP", 45_000_00));
        for (int i = 0; i < 3; i++) {
            UUID engagement = UUID.randomUUID();
            String section = unit % 2 == 0 ? "INVESTMENT" : "OPERATING";
            events.add(new EngagementRecorded(engagement, line, owner, 2026, section, project, 5_000_00, "E", day));
            events.add(new MandateRecorded(UUID.randomUUID(), engagement, line, owner, 2026, section, project,
                    2_000_00, "M", day.plusDays(20)));
        }
        events.add(new IndicatorDefined(indicator, owner, "TENANT", owner, "Taux", "%", "UP", BigDecimal.ZERO,
                LocalDate.of(2026, 1, 1), new BigDecimal("100"), LocalDate.of(2026, 12, 31)));
        for (int i = 1; i <= 4; i++) {
            events.add(new MeasurementRecorded(indicator, owner, LocalDate.of(2026, i * 3, 1),
                    BigDecimal.valueOf(unit % 40 + i * 15L), "bench"));
        }
        events.add(new SessionClosed(session, instance, owner, day, 2));
        for (int i = 0; i < 2; i++) {
            events.add(new DecisionPublished(UUID.randomUUID(), session, instance, owner, "COUNCIL", UUID.randomUUID(),
                    "PROJECT_GATE", project.toString(), "Décision", i == 0 ? "ADOPTED" : "REJECTED", 10, 2, 1,
                    List.of(), day));
        }
        return events;
    }

    /** The record key the services use: the aggregate the event belongs to. */
    private static String aggregateOf(Record event) {
        return switch (event) {
            case ProjectProposed e -> e.projectId().toString();
            case ProjectStatusChanged e -> e.projectId().toString();
            case MilestonePlanned e -> e.projectId().toString();
            case MilestoneReached e -> e.projectId().toString();
            case BudgetLineOpened e -> e.lineId().toString();
            case CreditsVoted e -> e.lineId().toString();
            case EngagementRecorded e -> e.lineId().toString();
            case MandateRecorded e -> e.lineId().toString();
            case IndicatorDefined e -> e.indicatorId().toString();
            case MeasurementRecorded e -> e.indicatorId().toString();
            case SessionClosed e -> e.sessionId().toString();
            case DecisionPublished e -> e.sessionId().toString();
            default -> throw new IllegalArgumentException(event.toString());
        };
    }

    private long consumeAll() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-plain-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        long count = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = Topics.ALL.stream().flatMap(topic -> consumer.partitionsFor(topic)
                    .stream().map(info -> new TopicPartition(topic, info.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                count += consumer.poll(Duration.ofMillis(500)).count();
            }
        }
        return count;
    }

    private Map<TopicPartition, Long> ends() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(Topics.ALL).allTopicNames().get().forEach((topic, description) ->
                    description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                            OffsetSpec.latest())));
            return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    private long committed(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream()
                    .filter(e -> Topics.ALL.contains(e.getKey().topic()) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    /**
     * The job's process CPU time (user + system, every thread: stream thread, clients, GC, JIT) from
     * {@code /proc/<pid>/stat}: on a shared machine its rate follows its share of the cores, its CPU per event does not.
     */
    private double cpuSeconds() {
        return ProcessMemory.cpuSeconds(stack.appPid(JOB).orElseThrow());
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

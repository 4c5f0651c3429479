package fr.mutualis.reporting.stream;

import fr.mutualis.contracts.Sirens;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.budget.BudgetLineOpened;
import fr.mutualis.contracts.budget.CreditsVoted;
import fr.mutualis.contracts.budget.EngagementRecorded;
import fr.mutualis.reporting.report.OwnerFacts;
import fr.mutualis.reporting.report.Period;
import fr.mutualis.reporting.report.TerritoryReport;
import fr.mutualis.reporting.report.TerritoryReports;
import fr.mutualis.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The job on a real broker, exactly-once: what it commits after a burst of events for one owner is in its facts'
 * changelog (the facts it keeps decoded are written with the commit), so a job whose local state is lost restores
 * them and counts on from there. The burst is a hot budget line's year of engagements: the owner's facts are larger
 * than the broker takes in one record (1 MiB), which the job's records must never be.
 */
class RestartAfterBurstTest {

    static final int BURST = 16_000;

    final JsonMapper json = JsonMapper.builder().build();
    final TestEnvelopes envelopes = new TestEnvelopes(json);
    final String owner = Sirens.completing(String.format(Locale.ROOT, "4%07d",
            ThreadLocalRandom.current().nextInt(10_000_000)));
    final String job = "restart-test-" + UUID.randomUUID();
    final UUID line = UUID.randomUUID();
    KafkaStreams streams;

    @TempDir
    Path stateDir;

    @AfterEach
    void stop() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
        }
    }

    @Test
    void aJobRestartedWithoutItsLocalStateAfterABurstLosesNothing() throws Exception {
        createTopics();
        streams = start();
        try (KafkaProducer<String, String> producer = producer()) {
            publish(producer, "2026-01-15T10:00:00Z", new BudgetLineOpened(line, owner, 2026, "INVESTMENT", "21",
                    "Serveurs", null, 100_000_00));
            publish(producer, "2026-01-16T10:00:00Z", new CreditsVoted(line, owner, 2026, "INVESTMENT", "BP", 90_000_00));
            for (int i = 0; i < BURST; i++) {
                send(producer, "2026-02-01T10:00:00Z", engagement(i));
            }
            producer.flush();
        }
        TerritoryReport afterTheBurst = awaitReport(BURST * 1_000_00L);

        // The report was committed in the same transaction as the changelog records of the facts it comes from. A
        // transaction's markers reach its partitions one after the other, so the changelog's part may become readable
        // a moment after the report's; no event comes after the burst, so no later commit can bring these facts.
        assertThat(awaitRestorableReport()).isEqualTo(afterTheBurst);

        // Local state gone: the new instance restores the facts from the changelog and adds one engagement.
        streams.close(Duration.ofSeconds(30));
        streams.cleanUp();
        streams = start();
        try (KafkaProducer<String, String> producer = producer()) {
            publish(producer, "2026-02-02T10:00:00Z", engagement(BURST));
        }
        assertThat(awaitReport((BURST + 1) * 1_000_00L).budget().investment().votedCents()).isEqualTo(90_000_00);
    }

    private EngagementRecorded engagement(int i) {
        return new EngagementRecorded(UUID.randomUUID(), line, owner, 2026, "INVESTMENT", null, 1_000_00, "E-" + i,
                LocalDate.of(2026, 2, 1));
    }

    private KafkaStreams start() {
        StreamsBuilder builder = new StreamsBuilder();
        TerritoryReportTopology.build(builder, json, topic -> { }, job, 100);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, job);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // A closed Streams instance stays in its group until its session expires, and the restarted one's join waits
        // for that: 45 s by default, 10 s here (heartbeats every 3 s keep a live member in on a loaded machine).
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
        KafkaStreams started = new KafkaStreams(builder.build(), config);
        started.start();
        return started;
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrapServers()))) {
            for (String topic : Stream.concat(Topics.ALL.stream(), Stream.of(TerritoryReportTopology.TERRITORY)).toList()) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    private void publish(KafkaProducer<String, String> producer, String occurredAt, Record payload) throws Exception {
        send(producer, occurredAt, payload).get();
    }

    /** Sent in order: the producer is idempotent, so a retried batch cannot overtake the next. */
    private Future<RecordMetadata> send(KafkaProducer<String, String> producer, String occurredAt, Record payload) {
        return producer.send(new ProducerRecord<>(TestEnvelopes.topicOf(payload), line.toString(),
                envelopes.envelope(owner, line, occurredAt, payload)));
    }

    /** The owner's Q1 2026 report once its engaged credits reach {@code engaged}, as a reader of committed data sees it. */
    private TerritoryReport awaitReport(long engaged) {
        return await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .failFast("the job stopped", () -> streams.state() != KafkaStreams.State.RUNNING
                        && streams.state() != KafkaStreams.State.REBALANCING)
                .until(() -> report(latestCommitted(TerritoryReportTopology.TERRITORY).get(new Period(2026, 1).key(owner))),
                        report -> engaged(report) == engaged);
    }

    /** The owner's Q1 2026 report made from the facts its changelog holds once they account for the whole burst. */
    private TerritoryReport awaitRestorableReport() {
        String changelog = job + "-" + TerritoryReportTopology.FACTS_STORE + "-changelog";
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> restorableReport(latestCommitted(changelog)),
                        report -> engaged(report) == BURST * 1_000_00L);
    }

    /** The report of the owner's facts assembled from its parts, as a restoring job reads them from its store. */
    private TerritoryReport restorableReport(Map<String, String> changelog) {
        OwnerFacts facts = new OwnerFactsLayout().assemble(owner, new TreeMap<>(changelog).entrySet().stream()
                .filter(part -> part.getKey().startsWith(owner + "/") && part.getValue() != null)
                .map(part -> KeyValue.pair(part.getKey(), part.getValue().getBytes(StandardCharsets.UTF_8)))
                .iterator());
        return facts == null ? null : TerritoryReports.of(facts, new Period(2026, 1));
    }

    private TerritoryReport report(String value) {
        return value == null ? null : json.readValue(value, TerritoryReport.class);
    }

    private static long engaged(TerritoryReport report) {
        return report == null ? -1 : report.budget().investment().engagedCents();
    }

    /** Each key's latest value on {@code topic}, transactions committed only. */
    private Map<String, String> latestCommitted(String topic) {
        Map<String, String> latest = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> latest.put(record.key(), record.value()));
            }
        }
        return latest;
    }
}

package fr.mutualis.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * What the hardware and the two servers can do on their own, in the same run: every platform figure is then stated
 * as a ratio to these, which survives a change of machine better than an absolute number.
 */
final class PhysicalReference {

    private static final String PAYLOAD = "x".repeat(600);

    private PhysicalReference() {
    }

    /** Single-row INSERT, each committed on its own (what one command costs the event store at least). */
    static double postgresInsertCommitsPerSecond(String jdbcUrl, String user, String password, Duration duration)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE IF NOT EXISTS bench_reference (id UUID PRIMARY KEY, payload TEXT NOT NULL)");
            }
            connection.setAutoCommit(true);
            long count = 0;
            long end = System.nanoTime() + duration.toNanos();
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bench_reference (id, payload) VALUES (?, ?)")) {
                while (System.nanoTime() < end) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, PAYLOAD);
                    insert.executeUpdate();
                    count++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE bench_reference");
            }
            return count / seconds;
        }
    }

    /** Sends acknowledged one by one (acks=all), as the outbox publisher does per event. */
    static double kafkaSyncProducesPerSecond(String bootstrap, Duration duration)
            throws ExecutionException, InterruptedException {
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            long count = 0;
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            while (System.nanoTime() < end) {
                producer.send(new ProducerRecord<>("bench.reference", UUID.randomUUID().toString(), PAYLOAD)).get();
                count++;
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Pipelined sends, flushed at the end: the broker's throughput when nobody waits for each ack. */
    static double kafkaPipelinedProducesPerSecond(String bootstrap, int records) {
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>("bench.reference", UUID.randomUUID().toString(), PAYLOAD));
            }
            producer.flush();
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // as the services' producers: Kafka 4's default of 5 ms would be measured, not the broker
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }
}

package fr.mutualis.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Notes when each aggregate's record first shows up on a topic, to split the propagation lag into its two halves:
 * command to Kafka (the outbox publisher) and Kafka to read model (the consumer).
 */
final class TopicWatcher implements AutoCloseable {

    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    TopicWatcher(String bootstrap, String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = Thread.ofPlatform().daemon().name("bench-topic-watcher").start(() -> {
            try (consumer) {
                while (running.get()) {
                    var records = consumer.poll(Duration.ofMillis(100));
                    // When the poll returned, not when it began: it waits up to 100 ms for the record.
                    long now = System.nanoTime();
                    for (ConsumerRecord<String, String> record : records) {
                        firstSeen.putIfAbsent(record.key(), now);
                    }
                }
            }
        });
    }

    Optional<Long> firstSeenNanos(String key) {
        return Optional.ofNullable(firstSeen.get(key));
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}

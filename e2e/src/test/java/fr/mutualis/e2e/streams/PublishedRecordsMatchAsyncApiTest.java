package fr.mutualis.e2e.streams;

import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.asyncapi.AsyncApiMessages;
import fr.mutualis.e2e.support.Platform;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other end-to-end class (junit-platform.properties orders classes by {@link Order}) and reads the
 * four topics from their beginning: every record published during the run must be the AsyncAPI message its envelope
 * names, value, key and headers, so the documents describe what is really sent and an unknown type fails.
 */
@ExtendWith(Platform.class)
@Order(Integer.MAX_VALUE)
@Isolated("It reads what the whole run published, so it comes after every other class")
class PublishedRecordsMatchAsyncApiTest {

    private final AsyncApiMessages documents = AsyncApiMessages.load("asyncapi");

    @Test
    void everyRecordPublishedDuringTheRunIsTheMessageItsEnvelopeNames() {
        Map<String, Integer> checked = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (ConsumerRecord<String, String> record : everyRecord(Platform.stack().kafkaBootstrapServers())) {
            checked.merge(record.topic(), 1, Integer::sum);
            documents.problems(record.topic(), record.key(), headers(record), record.value()).forEach(problem ->
                    problems.add(record.topic() + "-" + record.partition() + "@" + record.offset() + " " + problem));
        }

        assertThat(problems).as("records that break their message, of " + checked).isEmpty();
        assertThat(checked).as("records checked per topic").containsOnlyKeys(Topics.ALL).allSatisfy(
                (topic, count) -> assertThat(count).as(topic).isPositive());
    }

    private static List<ConsumerRecord<String, String>> everyRecord(String bootstrapServers) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = Topics.ALL.stream().flatMap(topic -> consumer.partitionsFor(topic).stream())
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
            }
        }
        return records;
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}

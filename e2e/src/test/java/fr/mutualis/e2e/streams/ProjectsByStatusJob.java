package fr.mutualis.e2e.streams;

import fr.mutualis.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The sample of docs/event-streams.md, quoted from here between its markers: a reporting job written with nothing but
 * a Kafka consumer and a JSON parser, which counts each tenant's projects by status from the portfolio topic.
 */
public final class ProjectsByStatusJob {

    // guide-sample-start
    private final JsonMapper json = JsonMapper.builder().build();
    private final Set<String> seenEventIds = new HashSet<>();
    private final Map<String, String> statusByProject = new HashMap<>();
    private final Map<String, String> tenantByProject = new HashMap<>();

    /** Reads the topic from its beginning until it has caught up; answers tenant -> status -> number of projects. */
    public Map<String, Map<String, Integer>> run(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PORTFOLIO).stream()
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    apply(record.value());
                }
            }
        }
        Map<String, Map<String, Integer>> report = new TreeMap<>();
        statusByProject.forEach((project, status) -> report
                .computeIfAbsent(tenantByProject.get(project), tenant -> new TreeMap<>())
                .merge(status, 1, Integer::sum));
        return report;
    }

    void apply(String value) {
        JsonNode envelope = json.readTree(value);
        if (!seenEventIds.add(envelope.get("eventId").asString())) {
            return; // delivered again: already counted
        }
        JsonNode payload = envelope.get("payload");
        switch (envelope.get("type").asString() + " v" + envelope.get("version").asInt()) {
            case "portfolio.ProjectProposed v1" -> project(envelope, payload, "PROPOSED");
            case "portfolio.ProjectStatusChanged v1" -> project(envelope, payload, payload.get("status").asString());
            default -> { } // the other events, and versions this job was not written for
        }
    }

    private void project(JsonNode envelope, JsonNode payload, String status) {
        String project = payload.get("projectId").asString();
        tenantByProject.put(project, envelope.get("tenantId").asString());
        statusByProject.put(project, status); // one project is one key: its events arrive in order
    }
    // guide-sample-end
}

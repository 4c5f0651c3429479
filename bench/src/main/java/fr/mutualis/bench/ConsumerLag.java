package fr.mutualis.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What consumer groups have not committed yet, read with the broker's admin API: the records on the topics a group
 * reads after its committed offset, every partition of those topics counted (one never committed counts whole).
 */
final class ConsumerLag {

    private ConsumerLag() {
    }

    /** Every consumer group the broker knows, with the topics it has committed offsets on. */
    static Map<String, Set<String>> everyGroup(Admin admin) {
        Map<String, Set<String>> groups = new TreeMap<>();
        for (ConsumerGroupListing group : get(admin.listConsumerGroups().all())) {
            Set<String> topics = committed(admin, group.groupId()).keySet().stream().map(TopicPartition::topic)
                    .collect(Collectors.toSet());
            if (!topics.isEmpty()) {
                groups.put(group.groupId(), topics);
            }
        }
        return groups;
    }

    /** The records of {@code topicsByGroup}'s topics its groups have not committed, per group. */
    static Map<String, Long> perGroup(Admin admin, Map<String, ? extends Collection<String>> topicsByGroup) {
        // a topic's ends asked for once, however many groups read it (five groups read the portfolio's events)
        Map<String, Map<TopicPartition, Long>> ends = new TreeMap<>();
        topicsByGroup.values().forEach(topics -> topics.forEach(topic ->
                ends.computeIfAbsent(topic, name -> endOffsets(admin, name))));
        Map<String, Long> lags = new TreeMap<>();
        topicsByGroup.forEach((group, topics) -> {
            Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group);
            long lag = 0;
            for (String topic : topics) {
                for (Map.Entry<TopicPartition, Long> end : ends.get(topic).entrySet()) {
                    OffsetAndMetadata done = committed.get(end.getKey());
                    lag += Math.max(0, end.getValue() - (done == null ? 0 : done.offset()));
                }
            }
            lags.put(group, lag);
        });
        return lags;
    }

    static long total(Admin admin, Map<String, ? extends Collection<String>> topicsByGroup) {
        return perGroup(admin, topicsByGroup).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Waits until the groups have committed every record of their topics; false when {@code timeout} came first. */
    static boolean awaitNone(Admin admin, Map<String, ? extends Collection<String>> topicsByGroup, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (total(admin, topicsByGroup) > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group) {
        return get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) {
        List<TopicPartition> partitions = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions()
                .stream().map(info -> new TopicPartition(topic, info.partition())).toList();
        return get(admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(),
                        partition -> OffsetSpec.latest()))).all()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The broker's admin API failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

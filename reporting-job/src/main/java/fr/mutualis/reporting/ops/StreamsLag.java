package fr.mutualis.reporting.ops;

import fr.mutualis.contracts.Topics;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

import java.util.Map;

/**
 * Records behind on the event topics, from the consumers' own {@code records-lag} per partition (the same metric
 * Prometheus gets as {@code kafka_consumer_fetch_manager_records_lag{topic,partition}}); NaN until fetched.
 */
public final class StreamsLag {

    /** The sum over the event topics' partitions this instance reads; -1 while no partition reported yet. */
    public static long total(KafkaStreams streams) {
        long total = -1;
        for (Map.Entry<MetricName, ? extends Metric> entry : streams.metrics().entrySet()) {
            MetricName name = entry.getKey();
            if ("records-lag".equals(name.name()) && "consumer-fetch-manager-metrics".equals(name.group())
                    && Topics.ALL.contains(name.tags().get("topic"))
                    && entry.getValue().metricValue() instanceof Double lag && !lag.isNaN()) {
                total = Math.max(total, 0) + lag.longValue();
            }
        }
        return total;
    }

    /** Records processed by this instance's stream threads since they started. */
    public static long processed(KafkaStreams streams) {
        double processed = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : streams.metrics().entrySet()) {
            MetricName name = entry.getKey();
            if ("process-total".equals(name.name()) && "stream-thread-metrics".equals(name.group())
                    && entry.getValue().metricValue() instanceof Double count) {
                processed += count;
            }
        }
        return (long) processed;
    }

    private StreamsLag() {
    }
}

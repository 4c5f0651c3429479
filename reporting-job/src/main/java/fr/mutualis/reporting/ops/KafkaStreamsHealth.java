package fr.mutualis.reporting.ops;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * UP while the streams run or rebalance (a rebalance is routine when an instance joins or leaves), DOWN once they
 * stopped or failed: an orchestrator then restarts the instance, which recovers from its changelog topics.
 */
@Component("kafkaStreams")
public class KafkaStreamsHealth implements HealthIndicator {

    private final StreamsBuilderFactoryBean streams;

    public KafkaStreamsHealth(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            return Health.down().withDetail("state", "NOT_STARTED").build();
        }
        KafkaStreams.State state = kafkaStreams.state();
        Health.Builder health = state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED
                ? Health.up() : Health.down();
        return health.withDetail("state", state.name())
                .withDetail("recordsBehind", StreamsLag.total(kafkaStreams))
                .build();
    }
}

package fr.mutualis.reporting.ops;

import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Logs the job's progress while it is behind the event topics (replaying from the beginning, or after a burst),
 * one line per interval with the records behind and the rate, then one line once caught up; quiet otherwise.
 */
@Component
public class CatchUpProgress {

    private static final Logger LOG = LoggerFactory.getLogger(CatchUpProgress.class);

    private final StreamsBuilderFactoryBean streams;
    private long lastProcessed;
    private long lastAt = System.nanoTime();
    private boolean catchingUp;

    public CatchUpProgress(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @Scheduled(fixedDelayString = "${mutualis.reporting.progress-interval:10s}",
            initialDelayString = "${mutualis.reporting.progress-interval:10s}")
    void log() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || !kafkaStreams.state().isRunningOrRebalancing()) {
            return;
        }
        long behind = StreamsLag.total(kafkaStreams);
        long processed = StreamsLag.processed(kafkaStreams);
        long now = System.nanoTime();
        double rate = (processed - lastProcessed) / Math.max((now - lastAt) / 1e9, 1e-3);
        if (behind > 0) {
            LOG.info("Catching up on the event topics: {} records behind, {} processed ({} records/s)", behind,
                    processed, Math.round(rate));
            catchingUp = true;
        } else if (catchingUp && behind == 0) {
            LOG.info("Caught up with the event topics: {} records processed", processed);
            catchingUp = false;
        }
        lastProcessed = processed;
        lastAt = now;
    }
}

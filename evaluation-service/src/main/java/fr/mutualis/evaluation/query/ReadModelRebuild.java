package fr.mutualis.evaluation.query;

import java.time.Instant;
import java.util.List;

/**
 * Rebuilding every read model by replaying its source from the beginning: the three Kafka topics evaluation consumes
 * (and the mutualisation directory) and evaluation's own event store.
 */
public interface ReadModelRebuild {

    /** Starts a rebuild; the answer is the status right after the read models were emptied. */
    Status start();

    Status status();

    /** While a rebuild runs the read models are partial: barometer profiles are not recorded meanwhile. */
    boolean inProgress();

    enum State {
        IDLE,
        RUNNING,
        DONE
    }

    record Status(State state, Instant startedAt, Instant finishedAt, List<ConsumerProgress> consumers,
                  List<ProcessorProgress> processors) {
    }

    /** A Kafka consumer's progress: records replayed so far out of those on the topic when the rebuild started. */
    record ConsumerProgress(String consumer, String topic, long replayed, long target) {
    }

    /** An event processor of evaluation's own events: the event it reached out of the last one when the rebuild started. */
    record ProcessorProgress(String processor, long position, long target) {
    }
}

package fr.mutualis.budget.command;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of the aggregates that take many events: a budget line (every engagement and mandate) and a programme
 * (every engagement and mandate of its lines). Without them each command replays the whole stream while it holds the
 * aggregate's database lock, so a busy line gets slower with each engagement and serialises everyone behind it.
 * <p>
 * Axon's snapshotter runs in the command's own thread once the aggregate's unit of work is done, inside the same
 * database transaction: the snapshot is stored (or rolled back) with the events it covers. A load then reads the
 * latest snapshot and at most {@code mutualis.budget.snapshot-after-events} events after it.
 */
@Configuration(proxyBeanMethods = false)
class AggregateSnapshots {

    private final int threshold;

    AggregateSnapshots(@Value("${mutualis.budget.snapshot-after-events:50}") int threshold) {
        this.threshold = threshold;
    }

    @Bean
    SnapshotTriggerDefinition budgetLineSnapshots(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    SnapshotTriggerDefinition programmeSnapshots(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}

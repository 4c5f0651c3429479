package fr.mutualis.kit.rebuild;

import fr.mutualis.kit.axon.AxonInfrastructureConfiguration;
import fr.mutualis.kit.error.StateConflictException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Rebuilds the read models of a service from its event store: each projection (every streaming processor but the
 * Kafka publisher, which must never re-send history) is stopped, its tokens reset (its {@code @ResetHandler} empties
 * its tables), and restarted; it replays the whole store, then goes on with the writes that keep arriving. Progress
 * is logged at a fixed interval and exposed by {@link #status()}.
 */
public class EventStoreReadModelRebuild implements ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(EventStoreReadModelRebuild.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final Duration progressInterval;
    private final Clock clock;
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>();
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> progress;

    public EventStoreReadModelRebuild(EventProcessingConfiguration processing, TokenStore tokens,
                                      Duration progressInterval, Clock clock) {
        this.processing = processing;
        this.tokens = tokens;
        this.progressInterval = progressInterval;
        this.clock = clock;
    }

    @Override
    public synchronized RebuildStatus start() {
        if (status().running()) {
            throw new StateConflictException("A rebuild of the read models is already running", "RUNNING");
        }
        Map<String, StreamingEventProcessor> projections = projections();
        List<String> names = List.copyOf(projections.keySet());
        log.info("Rebuild of {} requested: stopping the projections", names);
        projections.values().forEach(processor -> processor.shutdownAsync().join());
        projections.values().forEach(StreamingEventProcessor::resetTokens);
        projections.values().forEach(StreamingEventProcessor::start);
        log.info("Rebuild of {} started: replaying the event store", names);
        status.set(new RebuildStatus(RebuildStatus.State.RUNNING, names, clock.instant(), null, 0, 0, 0, null));
        progress = monitor.scheduleAtFixedRate(() -> report(projections), progressInterval.toMillis(),
                progressInterval.toMillis(), TimeUnit.MILLISECONDS);
        return status.get();
    }

    @Override
    public RebuildStatus status() {
        RebuildStatus current = status.get();
        return current != null ? current : RebuildStatus.idle(List.copyOf(projections().keySet()));
    }

    private Map<String, StreamingEventProcessor> projections() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> !entry.getKey().equals(AxonInfrastructureConfiguration.PUBLISHER_GROUP))
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor streaming && streaming.supportsReset())
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> (StreamingEventProcessor) entry.getValue(),
                        (first, second) -> first, TreeMap::new));
    }

    private synchronized void report(Map<String, StreamingEventProcessor> projections) {
        RebuildStatus current = status.get();
        try {
            // segments stop reporting their reset position once caught up: the target is the highest seen so far
            long target = current.target();
            long reached = Long.MAX_VALUE;
            boolean done = true;
            for (Map.Entry<String, StreamingEventProcessor> projection : projections.entrySet()) {
                Collection<EventTrackerStatus> segments = projection.getValue().processingStatus().values();
                int claimable = tokens.fetchSegments(projection.getKey()).length;
                if (segments.size() < claimable || segments.stream().anyMatch(EventTrackerStatus::isErrorState)) {
                    done = false;
                    reached = Math.min(reached, 0);
                    continue;
                }
                for (EventTrackerStatus segment : segments) {
                    target = Math.max(target, segment.getResetPosition().orElse(0));
                    if (!caughtUp(segment)) {
                        done = false;
                        reached = Math.min(reached, segment.getCurrentPosition().orElse(0));
                    }
                }
            }
            if (done) {
                status.set(new RebuildStatus(RebuildStatus.State.COMPLETED, current.readModels(), current.startedAt(),
                        clock.instant(), target, target, 100, null));
                log.info("Rebuild of {} complete: replayed up to position {} in {} ms", current.readModels(), target,
                        Duration.between(current.startedAt(), clock.instant()).toMillis());
                progress.cancel(false);
                return;
            }
            long position = reached == Long.MAX_VALUE ? target : reached;
            int percent = target == 0 ? 0 : (int) Math.min(99, position * 100 / target);
            status.set(new RebuildStatus(RebuildStatus.State.RUNNING, current.readModels(), current.startedAt(), null,
                    position, target, percent, null));
            log.info("Rebuild of {}: replayed up to position {} of {} ({} %)", current.readModels(), position, target,
                    percent);
        } catch (RuntimeException e) {
            status.set(new RebuildStatus(RebuildStatus.State.FAILED, current.readModels(), current.startedAt(),
                    clock.instant(), current.position(), current.target(), current.percent(), e.getMessage()));
            log.error("Rebuild of {} failed", current.readModels(), e);
            progress.cancel(false);
        }
    }

    /**
     * A segment has caught up once it passed the position the reset started from; its token only stops saying
     * "replay" when a newer event arrives, which may take a while on a quiet service.
     */
    private static boolean caughtUp(EventTrackerStatus segment) {
        return !segment.isReplaying()
                || segment.getCurrentPosition().orElse(-1) >= segment.getResetPosition().orElse(Long.MAX_VALUE);
    }
}

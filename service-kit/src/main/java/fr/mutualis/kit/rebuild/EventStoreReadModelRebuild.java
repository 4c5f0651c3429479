package fr.mutualis.kit.rebuild;

import fr.mutualis.kit.axon.AxonInfrastructureConfiguration;
import fr.mutualis.kit.error.StateConflictException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Rebuilds the read models of a service from its event store: each projection (every streaming processor but the
 * Kafka publisher, which must never re-send history) is stopped and its tokens reset (its {@code @ResetHandler} empties
 * its tables). Then, by default, the store is replayed into all of them page by page ({@link PagedProjectionReplay})
 * and they are restarted where the replay ended, going on with the writes that keep arriving; without the paged
 * replay ({@code mutualis.rebuild.paged=false}, kept to measure against) they are restarted at once and replay through
 * their processors. Progress is logged at a fixed interval and exposed by {@link #status()}.
 */
public class EventStoreReadModelRebuild implements ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(EventStoreReadModelRebuild.class);
    private static final String EVENT_STORE = "event store";

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
    private final Map<String, Long> targets = new ConcurrentHashMap<>();
    private final PagedProjectionReplay paged;
    private ScheduledFuture<?> progress;
    private Instant startedAt;

    /** Rebuilds through the projections' own processors. */
    public EventStoreReadModelRebuild(EventProcessingConfiguration processing, TokenStore tokens,
                                      Duration progressInterval, Clock clock) {
        this(processing, tokens, progressInterval, clock, null);
    }

    /** Rebuilds by the paged replay where every projection's processor allows it (an {@link AbstractEventProcessor}). */
    EventStoreReadModelRebuild(EventProcessingConfiguration processing, TokenStore tokens, Duration progressInterval,
                               Clock clock, PagedProjectionReplay paged) {
        this.processing = processing;
        this.tokens = tokens;
        this.progressInterval = progressInterval;
        this.clock = clock;
        this.paged = paged;
    }

    @Override
    public synchronized RebuildStatus start() {
        if (status().running()) {
            throw new StateConflictException("A rebuild of the read models is already running", "RUNNING",
                    "kit.rebuild-running");
        }
        Map<String, StreamingEventProcessor> projections = projections();
        Set<String> names = projections.keySet();
        log.info("Rebuild of {} requested: stopping the projections", names);
        projections.values().forEach(processor -> processor.shutdownAsync().join());
        projections.values().forEach(StreamingEventProcessor::resetTokens);
        targets.clear();
        startedAt = clock.instant();
        if (paged != null && projections.values().stream().allMatch(AbstractEventProcessor.class::isInstance)) {
            return startPaged(projections);
        }
        projections.values().forEach(StreamingEventProcessor::start);
        log.info("Rebuild of {} started: replaying the event store", names);
        status.set(RebuildStatus.of(RebuildStatus.State.RUNNING, startedAt, null, startedAt,
                names.stream().map(name -> new RebuildStatus.Part(name, EVENT_STORE, 0, 0)).toList()));
        progress = monitor.scheduleAtFixedRate(() -> report(projections), progressInterval.toMillis(),
                progressInterval.toMillis(), TimeUnit.MILLISECONDS);
        return status.get();
    }

    /**
     * The paged replay, on a thread of its own while the monitor reports its progress; the processors restart when it
     * ends, from where it ended, or from its last page if it failed (they then finish the replay themselves).
     */
    private RebuildStatus startPaged(Map<String, StreamingEventProcessor> projections) {
        long target;
        try {
            target = paged.head();
        } catch (RuntimeException e) {
            projections.values().forEach(StreamingEventProcessor::start);
            throw e;
        }
        AtomicLong position = new AtomicLong();
        Map<String, AbstractEventProcessor> processors = new TreeMap<>();
        projections.forEach((name, processor) -> processors.put(name, (AbstractEventProcessor) processor));
        log.info("Rebuild of {} started: replaying the event store up to position {} in pages", projections.keySet(), target);
        status.set(pagedStatus(RebuildStatus.State.RUNNING, projections.keySet(), position.get(), target, null));
        progress = monitor.scheduleAtFixedRate(() -> reportPaged(projections.keySet(), position.get(), target),
                progressInterval.toMillis(), progressInterval.toMillis(), TimeUnit.MILLISECONDS);
        Thread.ofPlatform().name("read-model-replay").daemon().start(() -> {
            try {
                paged.replay(processors, position::set);
                finishPaged(projections, Math.max(position.get(), target), target, null);
            } catch (RuntimeException | Error e) {
                // whatever went wrong, the projections must run again: from the last page replayed
                log.error("Rebuild of {} failed: the projections go on from the last page replayed", projections.keySet(), e);
                finishPaged(projections, position.get(), target, String.valueOf(e.getMessage()));
                if (e instanceof Error error) {
                    throw error;
                }
            }
        });
        return status.get();
    }

    private synchronized void reportPaged(Set<String> names, long position, long target) {
        if (!status().running()) {
            return;
        }
        RebuildStatus running = pagedStatus(RebuildStatus.State.RUNNING, names, position, target, null);
        status.set(running);
        log.info("Rebuild of {}: replayed up to position {} of {}, {} events/s so far", names, position, target,
                running.perSecond());
    }

    /** The processors go on from the tokens the replay left; {@code failure} null when it reached the end. */
    private synchronized void finishPaged(Map<String, StreamingEventProcessor> projections, long position, long target,
                                          String failure) {
        progress.cancel(false);
        projections.values().forEach(StreamingEventProcessor::start);
        Instant now = clock.instant();
        if (failure != null) {
            status.set(pagedStatus(RebuildStatus.State.RUNNING, projections.keySet(), position, target, null)
                    .failed(now, failure));
        } else {
            RebuildStatus finished = pagedStatus(RebuildStatus.State.COMPLETED, projections.keySet(), position, target, now);
            status.set(finished);
            log.info("Rebuild of {} complete: {} events replayed in {} ms, {} events/s", projections.keySet(),
                    finished.target(), Duration.between(startedAt, finished.finishedAt()).toMillis(), finished.perSecond());
        }
    }

    private RebuildStatus pagedStatus(RebuildStatus.State state, Set<String> names, long position, long target,
                                      Instant finishedAt) {
        Instant now = finishedAt != null ? finishedAt : clock.instant();
        return RebuildStatus.of(state, startedAt, finishedAt, now,
                names.stream().map(name -> new RebuildStatus.Part(name, EVENT_STORE, position, target)).toList());
    }

    @Override
    public RebuildStatus status() {
        RebuildStatus current = status.get();
        return current != null ? current : RebuildStatus.idle();
    }

    private Map<String, StreamingEventProcessor> projections() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> !entry.getKey().equals(AxonInfrastructureConfiguration.PUBLISHER_GROUP))
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor streaming && streaming.supportsReset())
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> (StreamingEventProcessor) entry.getValue(),
                        (first, second) -> first, TreeMap::new));
    }

    private synchronized void report(Map<String, StreamingEventProcessor> projections) {
        try {
            List<RebuildStatus.Part> parts = new ArrayList<>();
            boolean done = true;
            for (Map.Entry<String, StreamingEventProcessor> projection : projections.entrySet()) {
                String name = projection.getKey();
                Collection<EventTrackerStatus> segments = projection.getValue().processingStatus().values();
                int claimable = tokens.fetchSegments(name).length;
                boolean claimed = segments.size() >= claimable && segments.stream().noneMatch(EventTrackerStatus::isErrorState);
                // segments stop reporting their reset position once caught up: the target is the highest seen so far
                long target = Math.max(targets.getOrDefault(name, 0L), segments.stream()
                        .mapToLong(segment -> segment.getResetPosition().orElse(0)).max().orElse(0));
                targets.put(name, target);
                boolean caughtUp = claimed && segments.stream().allMatch(EventStoreReadModelRebuild::caughtUp);
                long position = caughtUp ? target : segments.stream()
                        .filter(segment -> !caughtUp(segment))
                        .mapToLong(segment -> segment.getCurrentPosition().orElse(0)).min().orElse(0);
                parts.add(new RebuildStatus.Part(name, EVENT_STORE, position, target));
                done &= caughtUp;
            }
            Instant now = clock.instant();
            if (done) {
                RebuildStatus completed = RebuildStatus.of(RebuildStatus.State.COMPLETED, startedAt, now, now, parts);
                status.set(completed);
                log.info("Rebuild of {} complete: {} events replayed in {} ms, {} events/s", projections.keySet(),
                        completed.target(), Duration.between(startedAt, now).toMillis(), completed.perSecond());
                progress.cancel(false);
                return;
            }
            RebuildStatus running = RebuildStatus.of(RebuildStatus.State.RUNNING, startedAt, null, now, parts);
            status.set(running);
            parts.forEach(part -> log.info("Rebuild of {}: replayed up to position {} of {}, {} events/s so far",
                    part.name(), part.position(), part.target(), running.perSecond()));
        } catch (RuntimeException e) {
            status.set(status.get().failed(clock.instant(), e.getMessage()));
            log.error("Rebuild of {} failed", projections.keySet(), e);
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

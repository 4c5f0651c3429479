package fr.mutualis.portfolio.query;

import fr.mutualis.kit.error.StateConflictException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Rebuilds the portfolio read models from the event store: stops the projection, resets its tokens (its reset handler
 * empties the tables), restarts it, and logs the replay's progress until it has caught up.
 */
@Component
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final Duration progressInterval;
    private final AtomicBoolean running = new AtomicBoolean();

    public ProjectionRebuild(EventProcessingConfiguration processing, TokenStore tokens,
                             @Value("${mutualis.portfolio.rebuild-progress-interval:1s}") Duration progressInterval) {
        this.processing = processing;
        this.tokens = tokens;
        this.progressInterval = progressInterval;
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Starts a rebuild; the future completes when the replay has caught up with the event store. */
    public CompletableFuture<Void> start() {
        if (!running.compareAndSet(false, true)) {
            throw new StateConflictException("A rebuild of " + PortfolioProjection.GROUP + " is already running", "REBUILDING");
        }
        StreamingEventProcessor processor = processing
                .eventProcessor(PortfolioProjection.GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor " + PortfolioProjection.GROUP));
        log.info("Rebuild of {} requested: stopping the projection", PortfolioProjection.GROUP);
        processor.shutdownAsync().join();
        processor.resetTokens();
        processor.start();
        log.info("Rebuild of {} started: replaying the event store", PortfolioProjection.GROUP);

        CompletableFuture<Void> done = new CompletableFuture<>();
        ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "portfolio-rebuild-progress");
            thread.setDaemon(true);
            return thread;
        });
        int segmentCount = tokens.fetchSegments(PortfolioProjection.GROUP).length;
        monitor.scheduleAtFixedRate(() -> report(processor, segmentCount, done), 0, progressInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        return done.whenComplete((ignored, error) -> {
            monitor.shutdown();
            running.set(false);
        });
    }

    /**
     * A segment has caught up once it reached the position the reset started from; its token only stops saying
     * "replay" when a newer event arrives, which may take a while on a quiet service.
     */
    private static boolean caughtUp(EventTrackerStatus segment) {
        return !segment.isReplaying()
                || segment.getCurrentPosition().orElse(-1) >= segment.getResetPosition().orElse(Long.MAX_VALUE);
    }

    private void report(StreamingEventProcessor processor, int segmentCount, CompletableFuture<Void> done) {
        try {
            Collection<EventTrackerStatus> segments = processor.processingStatus().values();
            if (segments.size() < segmentCount) {
                log.info("Rebuild of {}: {} of {} segments claimed", PortfolioProjection.GROUP, segments.size(), segmentCount);
                return;
            }
            if (segments.stream().allMatch(ProjectionRebuild::caughtUp)) {
                log.info("Rebuild of {} complete: {} segments caught up", PortfolioProjection.GROUP, segments.size());
                done.complete(null);
                return;
            }
            long target = segments.stream().mapToLong(status -> status.getResetPosition().orElse(0)).max().orElse(0);
            long reached = segments.stream().filter(EventTrackerStatus::isReplaying)
                    .mapToLong(status -> status.getCurrentPosition().orElse(0)).min().orElse(0);
            log.info("Rebuild of {}: replayed up to position {} of {} ({} %)", PortfolioProjection.GROUP, reached, target,
                    target == 0 ? 100 : Math.min(100, reached * 100 / target));
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
    }
}

package fr.mutualis.kit.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.lifecycle.Phase;
import org.axonframework.lifecycle.ShutdownHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the pooled streaming processors read it, telling them when new events are there.
 * <p>
 * A pooled processor's coordinator reacts at once to new events only when its stream can call it back; the embedded
 * event store's streams cannot, so the coordinator polls them every 500 ms, and every projection (hence every
 * read-your-writes create, and every Kafka publication) lags by up to half a second. Here each stream accepts the
 * callback, and one watcher thread tails the store: the event store's reader fetches new events right after a local
 * commit (and polls the database every second for other instances' commits), the watcher sees them, and calls every
 * registered callback. The coordinators keep their own safety net: caught up, they look again at least every token
 * claim interval (5 s by default) even without a call.
 */
public class EventAvailabilityNotifier implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(EventAvailabilityNotifier.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    private final EventStore eventStore;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private Thread watcher;
    private volatile boolean stopped;

    public EventAvailabilityNotifier(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        startWatching();
        return new NotifiedStream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    /** Lazily, with the first processor's stream: nothing to watch for before. */
    private synchronized void startWatching() {
        if (watcher == null && !stopped) {
            watcher = Thread.ofPlatform().daemon().name("event-availability").start(this::watch);
        }
    }

    @ShutdownHandler(phase = Phase.INBOUND_EVENT_CONNECTORS)
    public synchronized void stop() {
        stopped = true;
        if (watcher != null) {
            watcher.interrupt();
        }
    }

    private void watch() {
        while (!stopped) {
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(eventStore.createHeadToken())) {
                while (!stopped) {
                    if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (stream.hasNextAvailable()) {
                            stream.nextAvailable();
                        }
                        callbacks.forEach(Runnable::run);
                    }
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                if (stopped) {
                    return;
                }
                // The processors still poll on their own meanwhile: slower, never stuck.
                log.warn("Watching the event store for new events failed; retrying in {}", RETRY_AFTER_FAILURE, failure);
                try {
                    Thread.sleep(RETRY_AFTER_FAILURE);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    int registeredCallbacks() {
        return callbacks.size();
    }

    /** The store's own stream, which now accepts the coordinator's callback. */
    private final class NotifiedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private Runnable callback;

        private NotifiedStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (this.callback != null) {
                callbacks.remove(this.callback);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public void close() {
            if (callback != null) {
                callbacks.remove(callback);
            }
            delegate.close();
        }
    }
}

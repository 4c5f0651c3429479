package fr.mutualis.kit.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit test over Axon's in-memory storage: the mechanism only, the real store's latency is measured by the bench. */
class EventAvailabilityNotifierTest {

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final EventAvailabilityNotifier notifier = new EventAvailabilityNotifier(eventStore);

    @AfterEach
    void stop() {
        notifier.stop();
        eventStore.shutDown();
    }

    @Test
    void aStreamAcceptsTheCallbackAndIsCalledBackWhenAnEventIsStored() throws Exception {
        CountDownLatch called = new CountDownLatch(1);
        try (BlockingStream<TrackedEventMessage<?>> stream = notifier.openStream(notifier.createHeadToken())) {
            assertThat(stream.setOnAvailableCallback(called::countDown)).isTrue();
            assertThat(stream.hasNextAvailable()).isFalse();

            eventStore.publish(GenericEventMessage.asEventMessage("séance close"));

            assertThat(called.await(10, TimeUnit.SECONDS)).as("called back without being polled").isTrue();
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("séance close");
        }
    }

    @Test
    void aClosedStreamIsNoLongerCalledBack() {
        BlockingStream<TrackedEventMessage<?>> stream = notifier.openStream(null);
        stream.setOnAvailableCallback(() -> {
        });
        stream.setOnAvailableCallback(() -> {
        });
        assertThat(notifier.registeredCallbacks()).as("a new callback replaces the stream's previous one").isEqualTo(1);

        stream.close();

        assertThat(notifier.registeredCallbacks()).isZero();
    }
}

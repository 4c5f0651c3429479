package fr.mutualis.kit.query;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReadYourWritesTest {

    /** So long that only the projection's signal, never the poll, can explain an answer within the test's patience. */
    private static final Duration LONG_PAUSE = Duration.ofMinutes(1);

    @Test
    void aWaitingWriteLooksAgainAsSoonAsAProjectionCommitsNotAtItsNextPoll() throws Exception {
        AtomicReference<String> readModel = new AtomicReference<>();
        AtomicInteger lookups = new AtomicInteger();
        CompletableFuture<Optional<String>> answer = CompletableFuture.supplyAsync(() -> ReadYourWrites.awaitVisible(
                () -> {
                    lookups.incrementAndGet();
                    return Optional.ofNullable(readModel.get());
                }, Duration.ofMinutes(5), LONG_PAUSE, LONG_PAUSE));
        await().atMost(Duration.ofSeconds(10)).until(() -> lookups.get() == 1);

        readModel.set("projet");
        ReadYourWrites.projectionsAdvanced();

        assertThat(answer.get(20, TimeUnit.SECONDS)).contains("projet");
    }

    @Test
    void aCommitWhileTheWriteIsStillLookingIsNotMissed() throws Exception {
        AtomicReference<String> readModel = new AtomicReference<>();
        AtomicInteger lookups = new AtomicInteger();
        CompletableFuture<Optional<String>> answer = CompletableFuture.supplyAsync(() -> ReadYourWrites.awaitVisible(
                () -> {
                    if (lookups.incrementAndGet() == 1) {
                        // The projection commits while the first lookup still reads the state before it.
                        readModel.set("séance");
                        ReadYourWrites.projectionsAdvanced();
                        return Optional.empty();
                    }
                    return Optional.ofNullable(readModel.get());
                }, Duration.ofMinutes(5), LONG_PAUSE, LONG_PAUSE));

        assertThat(answer.get(20, TimeUnit.SECONDS)).contains("séance");
        assertThat(lookups).hasValue(2);
    }

    @Test
    void withoutAnySignalTheWriteStillPollsAndGivesUpAtTheTimeout() {
        AtomicInteger lookups = new AtomicInteger();
        long start = System.nanoTime();
        Optional<String> answer = ReadYourWrites.awaitVisible(() -> {
            lookups.incrementAndGet();
            return Optional.empty();
        }, Duration.ofMillis(200));

        assertThat(answer).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(lookups.get()).as("looked again after each pause").isGreaterThan(2);
    }
}

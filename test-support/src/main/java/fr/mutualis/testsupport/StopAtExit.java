package fr.mutualis.testsupport;

import org.springframework.boot.SpringApplication;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops what the tests of a JVM share (embedded servers, containers, the token issuer) when the JVM exits, once every
 * Spring context of the JVM has closed. JVM shutdown hooks run all at once: stopped beside the cached test contexts,
 * the embedded Kafka and PostgreSQL left the closing contexts' Kafka producers retrying a gone broker until surefire
 * killed each fork 30 s after its tests ("The exit has elapsed 30 seconds after System.exit(0)"). Spring Boot runs
 * its shutdown handlers after closing its contexts, the last added first, so a server registered before its clients
 * stops after them. In a JVM where no Spring Boot context registered Boot's hook, a hook of this class stops the
 * server itself.
 */
public final class StopAtExit {

    /** The name Spring Boot gives its JVM shutdown hook's thread. */
    private static final String SPRING_HOOK = "SpringApplicationShutdownHook";
    /** JVM hooks start one after the other: long enough for Boot's thread to have started beside this one. */
    private static final Duration HOOKS_STARTED = Duration.ofMillis(200);
    /** Within surefire's 30 s, so that a server is never left running by a killed fork. */
    private static final Duration PATIENCE = Duration.ofSeconds(25);

    /** Runs {@code stop} once when the JVM exits, after Spring's contexts have closed. */
    public static void register(String name, Runnable stop) {
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean started = new AtomicBoolean();
        Runnable stopOnce = () -> {
            if (started.compareAndSet(false, true)) {
                try {
                    stop.run();
                } finally {
                    stopped.countDown();
                }
            }
        };
        SpringApplication.getShutdownHandlers().add(stopOnce);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (!stopped.await(HOOKS_STARTED.toMillis(), TimeUnit.MILLISECONDS)
                        && (!springHookRunning() || !stopped.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS))) {
                    stopOnce.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopOnce.run();
            }
        }, "stop-at-exit-" + name));
    }

    private static boolean springHookRunning() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> SPRING_HOOK.equals(thread.getName()) && thread.isAlive());
    }

    private StopAtExit() {
    }
}

package fr.mutualis.localstack.launcher;

import fr.mutualis.localstack.LocalStackException;
import fr.mutualis.localstack.StartupReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Waits until apps answer {@code UP} on {@code /actuator/health/readiness}, reporting each app as it becomes ready
 * and, now and then, which ones are still awaited. Fails at once, with the end of its log, when an app's JVM exits.
 */
public final class ReadinessWaiter {

    public static final String READINESS_PATH = "/actuator/health/readiness";

    private static final Logger log = LoggerFactory.getLogger("fr.mutualis.localstack.apps");
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Whether the app on {@code port} reports ready now. */
    public boolean isReady(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + READINESS_PATH))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits for all {@code apps}; throws {@link LocalStackException} on timeout or when one exits. Answers, in the
     * order they became ready, how long each took from this call and the CPU its JVM had used by then.
     */
    public List<StartupReport.Part> awaitReady(Collection<AppProcess> apps, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextProgress = start + PROGRESS_EVERY.toNanos();
        Set<AppProcess> waiting = new LinkedHashSet<>(apps);
        List<String> ready = new ArrayList<>();
        List<StartupReport.Part> took = new ArrayList<>();
        while (!waiting.isEmpty()) {
            for (AppProcess app : List.copyOf(waiting)) {
                if (!app.isAlive()) {
                    throw new LocalStackException(app.app().module() + " exited (code "
                            + app.exitCode().map(String::valueOf).orElse("?") + ") before being ready; its log "
                            + app.logFile() + " ends with:" + System.lineSeparator() + app.logTail(40));
                }
                if (isReady(app.port())) {
                    took.add(new StartupReport.Part(app.app().module(), Duration.ofNanos(System.nanoTime() - start),
                            app.cpuTime().orElse(null)));
                    waiting.remove(app);
                    ready.add(app.app().module());
                    log.info("ready {}/{}: {} on port {} ({} s)", ready.size(), apps.size(), app.app().module(),
                            app.port(), seconds(System.nanoTime() - start));
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new LocalStackException("Not ready after " + timeout.toSeconds() + " s: " + names(waiting)
                        + " (ready: " + (ready.isEmpty() ? "none" : String.join(", ", ready)) + "); see "
                        + waiting.stream().map(app -> app.logFile().toString()).collect(Collectors.joining(", ")));
            }
            if (now > nextProgress) {
                log.info("waiting for {} ({} s; ready so far: {})", names(waiting), seconds(now - start),
                        ready.isEmpty() ? "none" : String.join(", ", ready));
                nextProgress = now + PROGRESS_EVERY.toNanos();
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalStackException("Interrupted while waiting for the apps");
            }
        }
        return took;
    }

    private static String names(Collection<AppProcess> apps) {
        return apps.stream().map(app -> app.app().module()).collect(Collectors.joining(", "));
    }

    private static long seconds(long nanos) {
        return Math.round(nanos / 1e9);
    }
}

package fr.mutualis.kit.web;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class WriteAdmissionFilterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final WriteAdmissionFilter filter = new WriteAdmissionFilter(1, Duration.ofMillis(200),
            new ProblemResponses(JsonMapper.builder().build()), meters);

    @Test
    void aWriteBeyondTheCapWaitsItsTurnThenIsRefusedWith503AndChangesNothing() throws Exception {
        HeldWrite first = holdAWrite("/api/budget/votes");

        AtomicInteger reached = new AtomicInteger();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(write("/api/budget/transfers"), refused, (request, response) -> reached.incrementAndGet());

        assertThat(reached).hasValue(0);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":503", "/problems/busy", "/api/budget/transfers");
        assertThat(meters.counter("mutualis.web.writes.rejected").count()).isEqualTo(1);

        first.end();
        MockHttpServletResponse admitted = new MockHttpServletResponse();
        filter.doFilter(write("/api/budget/transfers"), admitted, (request, response) -> reached.incrementAndGet());
        assertThat(reached).as("the turn is given back when a write ends").hasValue(1);
    }

    @Test
    void readsAndNonApiPathsAreNeverHeld() throws Exception {
        HeldWrite holder = holdAWrite("/api/portfolio/projects");
        AtomicInteger reached = new AtomicInteger();
        FilterChain counting = (request, response) -> reached.incrementAndGet();

        filter.doFilter(new MockHttpServletRequest("GET", "/api/portfolio/projects"), new MockHttpServletResponse(), counting);
        filter.doFilter(write("/actuator/health"), new MockHttpServletResponse(), counting);

        assertThat(reached).hasValue(2);
        holder.end();
    }

    /** A write admitted and still running, in its own thread, until {@link HeldWrite#end()}. */
    private HeldWrite holdAWrite(String path) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                filter.doFilter(write(path), new MockHttpServletResponse(), (request, response) -> {
                    inside.countDown();
                    await(release);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        return new HeldWrite(thread, release);
    }

    private record HeldWrite(Thread thread, CountDownLatch release) {

        void end() throws InterruptedException {
            release.countDown();
            thread.join();
        }
    }

    private static MockHttpServletRequest write(String path) {
        return new MockHttpServletRequest("POST", path);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

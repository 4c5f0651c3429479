package fr.mutualis.kit.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Admits at most {@code maxConcurrentWrites} API writes at once; the others wait their turn, in order, holding
 * nothing but their thread.
 * <p>
 * A write holds a database connection for its whole transaction, including while it waits for its aggregate's lock,
 * then reads the read model until its result shows. Let every request thread in, and on a busy aggregate the pool's
 * connections all end up held by writes queued on that lock, while the projection that would let the first of them
 * answer waits for a connection too: writes time out one after the other and the service answers 500. Capped below
 * the pool size, writes leave connections to the projections, the Kafka publisher and the reads. A write that cannot
 * be admitted within {@code admissionWait} answers 503 problem+json with {@code Retry-After}, before the gateway gives
 * up on it, and is counted in {@code mutualis.web.writes.rejected}.
 */
public class WriteAdmissionFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final Semaphore admissions;
    private final Duration admissionWait;
    private final ProblemResponses problems;
    private final Counter rejected;

    public WriteAdmissionFilter(int maxConcurrentWrites, Duration admissionWait, ProblemResponses problems,
                                MeterRegistry meters) {
        this.admissions = new Semaphore(maxConcurrentWrites, true);
        this.admissionWait = admissionWait;
        this.problems = problems;
        this.rejected = Counter.builder("mutualis.web.writes.rejected")
                .description("API writes refused with 503 because the service was busy with others")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = admissions.tryAcquire(admissionWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            rejected.increment();
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "busy", "Service busy",
                    "Too many writes in progress; nothing was changed, retry in a moment");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            admissions.release();
        }
    }
}

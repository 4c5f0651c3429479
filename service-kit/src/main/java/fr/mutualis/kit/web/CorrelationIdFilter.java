package fr.mutualis.kit.web;

import fr.mutualis.contracts.HttpContract;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Keeps the gateway's {@code X-Correlation-Id} (or makes one for direct calls) in the log context and echoes it,
 * for the clients that rely on it. Following a request through the services, the outbox and Kafka is the W3C
 * trace's job (Micrometer Tracing: {@code traceparent} in and out, the trace id in the logs and problems).
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String MDC_KEY = "correlationId";
    private static final String ATTRIBUTE = CorrelationIdFilter.class.getName();
    /** Where Micrometer Tracing keeps the current trace id for the logs. */
    private static final String TRACE_ID_MDC_KEY = "traceId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = Optional.ofNullable(request.getHeader(HttpContract.CORRELATION_HEADER))
                .filter(value -> SANE.matcher(value).matches())
                .orElseGet(() -> UUID.randomUUID().toString());
        MDC.put(MDC_KEY, correlationId);
        request.setAttribute(ATTRIBUTE, correlationId);
        response.setHeader(HttpContract.CORRELATION_HEADER, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /**
     * Names the request a problem answers, so that support finds its logs: {@code correlationId}, and
     * {@code traceId}, the W3C trace id Micrometer Tracing put in the log context (the client's or the gateway's
     * {@code traceparent}, else a new trace).
     */
    public static void identify(ProblemDetail problem) {
        current().ifPresent(id -> problem.setProperty("correlationId", id));
        Optional.ofNullable(MDC.get(TRACE_ID_MDC_KEY)).ifPresent(id -> problem.setProperty("traceId", id));
    }

    /** The correlation id of the request served by this thread, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }

    /** The correlation id of the given request, if it went through this filter. */
    public static Optional<String> of(RequestAttributes request) {
        return Optional.ofNullable((String) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }
}

package fr.mutualis.kit.integration;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps the trace of the request that caused an event with the event, in its metadata under the W3C names
 * ({@code traceparent}, {@code tracestate}), because the outbox publishes it later, on another thread, where that
 * trace is no longer current: {@link IntegrationEventPublisher} copies them onto the Kafka record, so the consumers'
 * handling joins the original trace. The trace current when the event is applied wins (the request's, or a Kafka
 * consumer's); without one, the trace the triggering message carried goes on.
 */
public final class OutboxTraceContext implements CorrelationDataProvider {

    private final Tracer tracer;
    private final Propagator propagator;

    public OutboxTraceContext(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Span current = tracer.currentSpan();
        if (current == null) {
            return storedIn(message.getMetaData());
        }
        Map<String, String> fields = new HashMap<>();
        propagator.inject(current.context(), fields, Map::put);
        return fields;
    }

    /** The trace fields stored in {@code metadata} (an event's, a message's), by name. */
    Map<String, String> storedIn(Map<String, ?> metadata) {
        Map<String, String> fields = new HashMap<>();
        for (String field : propagator.fields()) {
            Object stored = metadata.get(field);
            if (stored != null) {
                fields.put(field, stored.toString());
            }
        }
        return fields;
    }
}

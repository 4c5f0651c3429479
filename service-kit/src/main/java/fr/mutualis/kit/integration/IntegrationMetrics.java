package fr.mutualis.kit.integration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;

/**
 * The integration's counters, each with the description Prometheus shows as its HELP text, in one place so that
 * every service counts, names and explains them alike.
 */
final class IntegrationMetrics {

    private IntegrationMetrics() {
    }

    /** {@code mutualis_integration_published_total}. */
    static Counter published(MeterRegistry meters, String topic, String type) {
        return Counter.builder("mutualis.integration.published")
                .description("Integration events Kafka acknowledged, by topic and event type (the outbox advanced past them)")
                .tags("topic", topic, "type", type)
                .register(meters);
    }

    /** {@code mutualis_integration_publish_failures_total}. */
    static Counter publishFailures(MeterRegistry meters, String topic) {
        return Counter.builder("mutualis.integration.publish.failures")
                .description("Batches of integration events Kafka did not acknowledge in time; they are sent again")
                .tag("topic", topic)
                .register(meters);
    }

    /** What became of an integration event a consumer read. */
    enum Outcome {
        /** Its effect was applied, and the inbox recorded it. */
        APPLIED,
        /** The inbox had recorded it already: read again, skipped. */
        DUPLICATE,
        /** Of a type this consumer does not apply: nothing to do, nothing recorded. */
        IGNORED;

        private final String tag = name().toLowerCase(Locale.ROOT);
    }

    /** {@code mutualis_integration_consumed_total}. */
    static Counter consumed(MeterRegistry meters, String topic, String type, Outcome outcome) {
        return Counter.builder("mutualis.integration.consumed")
                .description("Integration events read from Kafka, by topic, event type and outcome: applied, "
                        + "duplicate (already applied, skipped by the inbox) or ignored (a type this consumer does not apply)")
                .tags("topic", topic, "type", type, "outcome", outcome.tag)
                .register(meters);
    }

    /** {@code mutualis_integration_dead_lettered_total}. */
    static Counter deadLettered(MeterRegistry meters, String topic) {
        return Counter.builder("mutualis.integration.dead.lettered")
                .description("Records a consumer could never apply, sent to the topic's .DLT after bounded retries")
                .tag("topic", topic)
                .register(meters);
    }
}

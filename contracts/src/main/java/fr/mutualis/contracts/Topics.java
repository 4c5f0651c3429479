package fr.mutualis.contracts;

import java.util.List;

/** Kafka topics: one per bounded context, keyed by aggregate id (see ARCHITECTURE.md §1). */
public final class Topics {

    public static final String PORTFOLIO = "mutualis.portfolio.events";
    public static final String BUDGET = "mutualis.budget.events";
    public static final String GOVERNANCE = "mutualis.governance.events";
    public static final String EVALUATION = "mutualis.evaluation.events";

    public static final List<String> ALL = List.of(PORTFOLIO, BUDGET, GOVERNANCE, EVALUATION);

    /** Dead-letter topic of {@code topic}, Spring Kafka's naming convention. */
    public static String deadLetter(String topic) {
        return topic + ".DLT";
    }

    /** Every topic and its dead-letter topic. */
    public static List<String> allWithDeadLetters() {
        return ALL.stream().flatMap(topic -> java.util.stream.Stream.of(topic, deadLetter(topic))).toList();
    }

    private Topics() {
    }
}

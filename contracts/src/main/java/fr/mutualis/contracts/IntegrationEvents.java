package fr.mutualis.contracts;

import fr.mutualis.contracts.budget.BudgetEvents;
import fr.mutualis.contracts.evaluation.EvaluationEvents;
import fr.mutualis.contracts.governance.GovernanceEvents;
import fr.mutualis.contracts.portfolio.PortfolioEvents;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every published integration event, by topic. Each context keeps its own catalogue (and AsyncAPI document
 * {@code asyncapi/<context>.yaml}) so that the contexts evolve their contracts independently.
 */
public final class IntegrationEvents {

    public static final Map<String, List<Class<? extends Record>>> BY_TOPIC = Map.of(
            PortfolioEvents.TOPIC, PortfolioEvents.ALL,
            BudgetEvents.TOPIC, BudgetEvents.ALL,
            GovernanceEvents.TOPIC, GovernanceEvents.ALL,
            EvaluationEvents.TOPIC, EvaluationEvents.ALL);

    public static final List<Class<? extends Record>> ALL = BY_TOPIC.values().stream().flatMap(List::stream).toList();

    private static final Map<String, Class<? extends Record>> BY_KEY = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(IntegrationEvents::key, Function.identity()));

    public static IntegrationEvent describe(Class<?> payloadType) {
        IntegrationEvent annotation = payloadType.getAnnotation(IntegrationEvent.class);
        if (annotation == null) {
            throw new IllegalArgumentException(payloadType.getName() + " is not annotated with @IntegrationEvent");
        }
        return annotation;
    }

    /** The payload class published as {@code (type, version)}, if it is one of ours. */
    public static Optional<Class<? extends Record>> payloadType(String type, int version) {
        return Optional.ofNullable(BY_KEY.get(type + "/v" + version));
    }

    private static String key(Class<?> payloadType) {
        IntegrationEvent annotation = describe(payloadType);
        return annotation.type() + "/v" + annotation.version();
    }

    private IntegrationEvents() {
    }
}

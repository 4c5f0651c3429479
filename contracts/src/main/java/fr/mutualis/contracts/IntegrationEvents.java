package fr.mutualis.contracts;

import fr.mutualis.contracts.budget.BudgetLineOpened;
import fr.mutualis.contracts.evaluation.IndicatorDefined;
import fr.mutualis.contracts.governance.CollectiviteRegistered;
import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.contracts.portfolio.RoadmapDrafted;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalogue of published integration events: the single list that the AsyncAPI document must match. */
public final class IntegrationEvents {

    public static final List<Class<? extends Record>> ALL = List.of(
            RoadmapDrafted.class,
            ProjectProposed.class,
            BudgetLineOpened.class,
            CollectiviteRegistered.class,
            IndicatorDefined.class);

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

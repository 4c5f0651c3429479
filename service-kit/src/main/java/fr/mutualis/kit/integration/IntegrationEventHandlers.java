package fr.mutualis.kit.integration;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.IntegrationEvents;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A consumer's handlers, one per contract type it applies: the type's name and version come from the contract's
 * {@code @IntegrationEvent} (written once, in {@code contracts}), the payload is decoded once, by the inbox, and each
 * handler receives its record already typed. Events of other types on the same topic are skipped.
 * <pre>{@code
 * handlers = IntegrationEventHandlers.create()
 *         .on(RoadmapDrafted.class, projection::roadmapDrafted)
 *         .on(ProjectProposed.class, (event, envelope) -> projection.projectProposed(event, envelope.occurredAt()));
 * }</pre>
 */
public final class IntegrationEventHandlers {

    private final Map<Class<? extends Record>, BiConsumer<Record, EventEnvelope>> handlers = new LinkedHashMap<>();
    /** The contract names of the handled types, whatever their version. */
    private final Set<String> typeNames = new HashSet<>();

    private IntegrationEventHandlers() {
    }

    public static IntegrationEventHandlers create() {
        return new IntegrationEventHandlers();
    }

    /** Applies {@code handler} to each event of {@code type}. */
    public <T extends Record> IntegrationEventHandlers on(Class<T> type, Consumer<T> handler) {
        return on(type, (event, envelope) -> handler.accept(event));
    }

    /** Applies {@code handler} to each event of {@code type}, with its envelope (id, time, aggregate, owner). */
    public <T extends Record> IntegrationEventHandlers on(Class<T> type, BiConsumer<T, EventEnvelope> handler) {
        String name = IntegrationEvents.describe(type).type();
        if (handlers.putIfAbsent(type, (event, envelope) -> handler.accept(type.cast(event), envelope)) != null) {
            throw new IllegalStateException("Two handlers for " + type.getName());
        }
        typeNames.add(name);
        return this;
    }

    /** Whether this consumer applies events named {@code type} (in some version). */
    boolean appliesType(String type) {
        return typeNames.contains(type);
    }

    /**
     * The contract type of {@code envelope} when this consumer handles it; empty for a type it does not apply. A
     * version of a type it handles that it was not written for is a record it cannot read (a dead letter, counted),
     * never an event silently skipped.
     */
    Optional<Class<? extends Record>> handledType(EventEnvelope envelope) {
        Optional<Class<? extends Record>> handled = IntegrationEvents.payloadType(envelope.type(), envelope.version())
                .filter(handlers::containsKey);
        if (handled.isEmpty() && appliesType(envelope.type())) {
            throw new PoisonRecordException(envelope.type() + " v" + envelope.version() + " is not a version this "
                    + "consumer reads", null);
        }
        return handled;
    }

    void apply(Record event, EventEnvelope envelope) {
        handlers.get(event.getClass()).accept(event, envelope);
    }
}

package fr.mutualis.kit.axon;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads events stored under a package their classes have left. The event store names each payload by its class, so
 * moving a domain event from one package to another would leave every stored event unreadable; this upcaster maps
 * {@code <from>.Name} to {@code <to>.Name} when no class {@code <from>.Name} exists any more and {@code <to>.Name}
 * does, payload and revision unchanged. A service declares one bean per move; Axon's Spring configuration chains
 * every {@code EventUpcaster} bean.
 */
public class MovedEventTypes extends SingleEventUpcaster {

    private final String from;
    private final String to;
    private final Map<String, Optional<String>> moved = new ConcurrentHashMap<>();

    /** @param from the package events were stored from, e.g. {@code fr.mutualis.portfolio.command} */
    public MovedEventTypes(String from, String to) {
        this.from = from + ".";
        this.to = to + ".";
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return movedName(representation.getType().getName()).isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String name = movedName(representation.getType().getName()).orElseThrow();
        return representation.upcastPayload(new SimpleSerializedType(name, representation.getType().getRevision()),
                byte[].class, Function.identity());
    }

    private Optional<String> movedName(String stored) {
        if (!stored.startsWith(from) || stored.indexOf('.', from.length()) >= 0) {
            return Optional.empty();
        }
        return moved.computeIfAbsent(stored, name -> {
            String target = to + name.substring(from.length());
            return !exists(name) && exists(target) ? Optional.of(target) : Optional.empty();
        });
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className, false, MovedEventTypes.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}

package fr.mutualis.portfolio.api;

import fr.mutualis.kit.error.NotFoundException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Sends a command and waits for its result, naming the missing resource when the id addresses another kind of
 * aggregate or one the caller cannot see.
 */
@Component
class CommandSender {

    private final CommandGateway commands;

    CommandSender(CommandGateway commands) {
        this.commands = commands;
    }

    /** Sends {@code command} to {@code what} {@code id}; its handler answers the aggregate's new version. */
    long send(Object command, String what, UUID id) {
        Object version = sendAndWait(command, what, id);
        return ((Number) version).longValue();
    }

    /**
     * As {@link #sendAndWait(Object, String, UUID)} for a command addressed to an object named by a request field (a
     * project's {@code roadmapId}, a roadmap's {@code mutualisationId}): unknown or invisible, the 404 names the field.
     */
    Object sendAndWait(Object command, String what, UUID id, String field) {
        try {
            return sendAndWait(command, what, id);
        } catch (NotFoundException | AggregateNotFoundException e) {
            throw new NotFoundException(what, id, field, null);
        }
    }

    Object sendAndWait(Object command, String what, UUID id) {
        try {
            return commands.sendAndWait(command);
        } catch (IncompatibleAggregateException e) {
            // The id names an aggregate of another kind (a project's id sent as a roadmap's): no such resource.
            throw new NotFoundException(what, id);
        }
    }
}

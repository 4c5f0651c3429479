package fr.mutualis.evaluation.messages;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** End alert {@code alertId}, its cause gone; ending an ended alert changes nothing. */
public record EndAlert(@TargetAggregateIdentifier UUID alertId, Instant until, String reason) {
}

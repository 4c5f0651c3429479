package fr.mutualis.evaluation.messages;

import fr.mutualis.kit.tenant.Owner;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Raise alert {@code alertId}, an id derived from the kind, the cause and how many alerts of that cause ended before:
 * raising it again (a duplicate event, a second engine instance) changes nothing.
 *
 * @param causeKey what the alert is about within its subject (the subject's id, or a milestone's)
 */
public record RaiseAlert(@TargetAggregateIdentifier UUID alertId, AlertKind kind, Owner ownerId,
                         AlertSubjectKind subjectKind, String subjectId, String causeKey, String subjectLabel,
                         Instant since, String detail) {
}

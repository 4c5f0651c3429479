package fr.mutualis.evaluation.messages;

import fr.mutualis.kit.tenant.Owner;

import java.time.Instant;
import java.util.UUID;

/** Repeats what {@link AlertRaised} said of the alert, so that its integration event needs no state. */
public record AlertEnded(UUID alertId, AlertKind kind, Owner ownerId, AlertSubjectKind subjectKind, String subjectId,
                         Instant since, Instant until, String reason) {
}

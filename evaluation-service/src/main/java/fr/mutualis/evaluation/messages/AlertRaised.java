package fr.mutualis.evaluation.messages;

import fr.mutualis.kit.tenant.Owner;

import java.time.Instant;
import java.util.UUID;

public record AlertRaised(UUID alertId, AlertKind kind, Owner ownerId, AlertSubjectKind subjectKind, String subjectId,
                          String causeKey, String subjectLabel, Instant since, String detail) {
}

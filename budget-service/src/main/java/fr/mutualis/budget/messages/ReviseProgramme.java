package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.UUID;

/**
 * Revise an AP by a new decision: a new amount and schedule. {@code expectedVersion} (from {@code If-Match}) is
 * optional; when given, a revision based on a stale read is refused.
 */
public record ReviseProgramme(@TargetAggregateIdentifier UUID programmeId, Owner ownerId,
                             @TargetAggregateVersion Long expectedVersion, long amountCents, CpSchedule schedule,
                             String reason, UUID decisionId) {
}

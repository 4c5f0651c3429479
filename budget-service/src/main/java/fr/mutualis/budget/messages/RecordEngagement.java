package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Engage (engagement juridique) an amount on a line: recorded through the line, which guards its voted credits.
 * {@code expectedVersion} (from {@code If-Match}) is optional; when given, an engagement based on a stale read of
 * the line is refused.
 */
public record RecordEngagement(@TargetAggregateIdentifier UUID lineId, Caller caller, UUID engagementId, long amountCents,
                               String reference, LocalDate date, @TargetAggregateVersion Long expectedVersion) {
}

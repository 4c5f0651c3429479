package fr.mutualis.budget.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Engage (engagement juridique) an amount on a line: recorded through the line, which guards its voted credits. */
public record RecordEngagement(@TargetAggregateIdentifier UUID lineId, String ownerId, UUID engagementId, long amountCents,
                               String reference, LocalDate date) {
}

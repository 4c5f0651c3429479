package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Issue a payment order (mandat) against an engagement of the line, after liquidation. */
public record RecordMandate(@TargetAggregateIdentifier UUID lineId, Caller caller, UUID engagementId, UUID mandateId,
                            long amountCents, String reference, LocalDate date) {
}

package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** The source side of a transfer: {@code amountCents} leave the line's credits for {@code toLineId}. */
public record TransferCreditsOut(@TargetAggregateIdentifier UUID lineId, Caller caller, UUID transferId, UUID toLineId,
                                 long amountCents, LocalDate date) {
}

package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** The receiving side of a transfer: {@code amountCents} from {@code fromLineId} are added to the line's credits. */
public record TransferCreditsIn(@TargetAggregateIdentifier UUID lineId, Caller caller, UUID transferId, UUID fromLineId,
                                long amountCents, LocalDate date) {
}

package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A transfer as the whole budget sees it, once both lines accepted their side: {@code from} and {@code to} are the
 * lines as they are after it. The budget checks what only it knows: one section, never staff costs, within the
 * delegated rate.
 */
public record MakeCreditTransfer(@TargetAggregateIdentifier UUID budgetYearId, Owner ownerId, int fiscalYear,
                                 UUID transferId, LineCredits from, LineCredits to, long amountCents, String reason,
                                 LocalDate date) {
}

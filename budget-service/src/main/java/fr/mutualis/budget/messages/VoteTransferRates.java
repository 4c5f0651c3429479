package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * The assembly delegates to the executive the power to move credits between chapters of each section, up to a rate
 * of the section's real expenditure, in basis points (750 = 7.5 %); a later vote replaces the rates.
 */
public record VoteTransferRates(@TargetAggregateIdentifier UUID budgetYearId, Owner ownerId, int fiscalYear,
                                UUID ratesVoteId, int investmentBasisPoints, int operatingBasisPoints,
                                String deliberation) {
}

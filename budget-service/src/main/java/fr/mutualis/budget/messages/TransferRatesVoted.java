package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;

import java.util.UUID;

/** The rates of transfers between chapters the assembly delegated for a fiscal year, in basis points per section. */
public record TransferRatesVoted(UUID budgetYearId, Owner ownerId, int fiscalYear, UUID ratesVoteId,
                                 int investmentBasisPoints, int operatingBasisPoints, String deliberation) {
}

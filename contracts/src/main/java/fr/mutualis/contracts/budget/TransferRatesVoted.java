package fr.mutualis.contracts.budget;

import fr.mutualis.contracts.IntegrationEvent;

/**
 * The assembly delegated transfers between chapters for a fiscal year: per section, the rate of its real expenditure
 * in basis points (750 = 7.5 %, the maximum); a later vote replaces the rates.
 */
@IntegrationEvent(type = "budget.TransferRatesVoted")
public record TransferRatesVoted(String ownerId, int fiscalYear, int investmentBasisPoints, int operatingBasisPoints,
                                 String deliberation) {
}

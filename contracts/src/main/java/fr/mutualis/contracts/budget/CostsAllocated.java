package fr.mutualis.contracts.budget;

import fr.mutualis.contracts.IntegrationEvent;

import java.util.List;
import java.util.UUID;

/**
 * A mutualisation's cost of a fiscal year was split among its members by the convention's key ({@code method}
 * POPULATION, USAGE or FIXED_SHARES); the allocations sum exactly to {@code costCents}. A later event for the same
 * mutualisation and year replaces it.
 */
@IntegrationEvent(type = "budget.CostsAllocated")
public record CostsAllocated(UUID mutualisationId, String epciSiren, int fiscalYear, long costCents, String method,
                             List<Allocation> allocations) {

    /** What one member pays, in euro cents. */
    public record Allocation(String siren, long amountCents) {
    }
}

package fr.mutualis.budget.query;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A mutualisation's cost of a fiscal year and its split; a member reading it sees only its own allocation. */
public record AllocationView(UUID mutualisationId, int fiscalYear, long costCents, String method,
                             List<Share> allocations) {

    public record Share(String siren, BigDecimal weight, long amountCents) {
    }
}

package fr.mutualis.budget.messages;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Split a mutualisation's cost of a fiscal year among its members by the convention's key. The weights were looked
 * up by the caller (populations from the directory, usage from the request, shares from the convention); a member
 * without a weight is refused rather than silently left out.
 */
public record AllocateCosts(@TargetAggregateIdentifier UUID allocationId, UUID mutualisationId, String epciSiren,
                            int fiscalYear, long costCents, AllocationMethod method, Set<String> members,
                            Map<String, BigDecimal> weights) {

    /** One allocation stream per mutualisation and fiscal year: a new allocation of the year replaces the last. */
    public static UUID idOf(UUID mutualisationId, int fiscalYear) {
        return UUID.nameUUIDFromBytes(("cost-allocation:" + mutualisationId + ":" + fiscalYear).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}

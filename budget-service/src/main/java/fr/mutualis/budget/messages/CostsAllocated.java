package fr.mutualis.budget.messages;

import java.util.List;
import java.util.UUID;

public record CostsAllocated(UUID allocationId, UUID mutualisationId, String epciSiren, int fiscalYear, long costCents,
                             AllocationMethod method, List<MemberAllocation> allocations) {
}

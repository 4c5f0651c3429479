package fr.mutualis.budget.query;

import java.util.UUID;

public record BudgetLineView(UUID id, String ownerId, int fiscalYear, String section, String chapter, String label,
                             UUID projectId, long plannedCents, long votedCents, long engagedCents, long mandatedCents,
                             long version) {
}

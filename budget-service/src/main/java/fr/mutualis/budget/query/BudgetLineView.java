package fr.mutualis.budget.query;

import java.util.UUID;

/** A line in a list: its amounts at a glance ({@code lastStage}: the stage of its last vote, null before any). */
public record BudgetLineView(UUID id, String ownerId, int fiscalYear, String section, String chapter, String label,
                             UUID projectId, UUID programmeId, long plannedCents, long votedCents, long engagedCents,
                             long mandatedCents, String lastStage, long version) {
}

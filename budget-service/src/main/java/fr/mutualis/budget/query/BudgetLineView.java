package fr.mutualis.budget.query;

import java.util.UUID;

/**
 * A line in a list: its amounts at a glance ({@code lastStage}: the stage of its last vote, null before any;
 * {@code mutualisationId}: the mutualisation that shares the line, which is then its owner; null for a tenant's own).
 */
public record BudgetLineView(UUID id, String ownerId, UUID mutualisationId, int fiscalYear, String section, String chapter, String label,
                             UUID projectId, UUID programmeId, long plannedCents, long votedCents, long engagedCents,
                             long mandatedCents, String lastStage, long version) {
}

package fr.mutualis.budget.command;

import java.util.UUID;

public record BudgetLineOpened(UUID lineId, String ownerId, int fiscalYear, Section section, String chapter,
                               String label, UUID projectId, long plannedCents, UUID programmeId) {
}

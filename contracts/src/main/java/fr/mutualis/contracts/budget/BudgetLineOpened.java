package fr.mutualis.contracts.budget;

import fr.mutualis.contracts.IntegrationEvent;

import java.util.UUID;

/** A budget line was opened for a fiscal year with its planned amount. */
@IntegrationEvent(type = "budget.BudgetLineOpened")
public record BudgetLineOpened(UUID lineId, String ownerId, int fiscalYear, String section, String chapter,
                               String label, UUID projectId, long plannedCents) {
}

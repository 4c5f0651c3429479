package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;

import java.util.UUID;

public record BudgetLineOpened(UUID lineId, Owner ownerId, int fiscalYear, Section section, String chapter,
                               String label, UUID projectId, long plannedCents, UUID programmeId) {
}

package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;

import java.util.UUID;

/**
 * Open a budget line of a fiscal year; {@code projectId} is optional (a line may fund no project), and so is
 * {@code programmeId}: a line that names a programme (AP) spends its CP, so its engagements and mandates also count
 * against the programme.
 */
public record OpenBudgetLine(UUID lineId, Owner ownerId, int fiscalYear, Section section, String chapter, String label,
                             UUID projectId, long plannedCents, UUID programmeId) {
}

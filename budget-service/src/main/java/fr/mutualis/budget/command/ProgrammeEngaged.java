package fr.mutualis.budget.command;

import java.util.UUID;

public record ProgrammeEngaged(UUID programmeId, UUID engagementId, UUID lineId, long amountCents) {
}

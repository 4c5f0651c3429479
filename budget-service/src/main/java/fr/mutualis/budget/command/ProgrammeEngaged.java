package fr.mutualis.budget.command;

import java.util.UUID;

public record ProgrammeEngaged(UUID programmeId, String ownerId, UUID engagementId, UUID lineId, long amountCents) {
}

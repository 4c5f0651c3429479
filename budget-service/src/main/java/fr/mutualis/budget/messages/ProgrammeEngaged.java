package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;

import java.util.UUID;

public record ProgrammeEngaged(UUID programmeId, Owner ownerId, UUID engagementId, UUID lineId, long amountCents) {
}

package fr.mutualis.contracts.budget;

import fr.mutualis.contracts.IntegrationEvent;

import java.util.UUID;

/** An engagement on one of a programme's lines consumed {@code amountCents} of the AP amount. */
@IntegrationEvent(type = "budget.ProgrammeEngaged")
public record ProgrammeEngaged(UUID programmeId, String ownerId, UUID engagementId, UUID lineId, long amountCents) {
}

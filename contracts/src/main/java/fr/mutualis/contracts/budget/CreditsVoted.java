package fr.mutualis.contracts.budget;

import fr.mutualis.contracts.IntegrationEvent;

import java.util.UUID;

/** A vote at {@code stage} (BP, BS, DM, CA) set the credits of a line; {@code creditsCents} is the new total. */
@IntegrationEvent(type = "budget.CreditsVoted")
public record CreditsVoted(UUID lineId, String ownerId, int fiscalYear, String section, String stage,
                           long creditsCents) {
}

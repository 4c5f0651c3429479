package fr.mutualis.contracts.budget;

import fr.mutualis.contracts.IntegrationEvent;

import java.util.UUID;

/**
 * A transfer changed the credits of a line: {@code deltaCents} (negative on the source) and {@code creditsCents}, the
 * new total. It is ordered with the line's {@link CreditsVoted} by the envelope's sequence (same aggregate).
 */
@IntegrationEvent(type = "budget.LineCreditsTransferred")
public record LineCreditsTransferred(UUID lineId, String ownerId, int fiscalYear, String section, UUID transferId,
                                     long deltaCents, long creditsCents) {
}

package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One side of a transfer, on the line: its credits moved by {@code deltaCents} (negative on the source, positive on
 * the receiving line) to {@code creditsCents}; {@code counterpartLineId} is the other side.
 */
public record LineCreditsTransferred(UUID lineId, Owner ownerId, int fiscalYear, Section section, String chapter,
                                     UUID transferId, UUID counterpartLineId, long deltaCents, long creditsCents,
                                     LocalDate date) {
}

package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;

import java.util.UUID;

/** The credits of a line were set at a stage; {@code previousCents} keeps what they amended. */
public record CreditsVoted(UUID lineId, Owner ownerId, UUID voteId, int fiscalYear, Section section, BudgetStage stage,
                           long creditsCents, long previousCents) {
}

package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;

import java.util.UUID;

/**
 * What a line answers to a vote or a transfer it accepted: who owns it, where it sits in the budget and its credits
 * now, so that the whole-budget view (the budget of the year) is kept in the same transaction.
 */
public record LineCredits(UUID lineId, Owner ownerId, int fiscalYear, Section section, String chapter, long creditsCents) {
}

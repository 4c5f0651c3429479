package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;

import java.util.List;
import java.util.UUID;

/**
 * The budget of the year took a vote into account: the lines' new credits, from which it knows each section's real
 * expenditure. The lines' own {@link CreditsVoted} are the published facts; this one is the budget's bookkeeping.
 */
public record VoteRecorded(UUID budgetYearId, Owner ownerId, int fiscalYear, UUID voteId, BudgetStage stage,
                           List<LineCredits> lines) {
}

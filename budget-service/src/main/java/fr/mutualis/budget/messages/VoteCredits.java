package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** One line of a vote: at {@code stage}, the line's credits become {@code creditsCents} (a new total, not a delta). */
public record VoteCredits(@TargetAggregateIdentifier UUID lineId, Caller caller, UUID voteId, int fiscalYear,
                          BudgetStage stage, long creditsCents) {
}

package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** A vote as the whole budget sees it: the new credits of each of the owner's lines it covered. */
public record RecordVote(@TargetAggregateIdentifier UUID budgetYearId, Owner ownerId, int fiscalYear, UUID voteId,
                         BudgetStage stage, List<LineCredits> lines) {
}

package fr.mutualis.governance.api;

import fr.mutualis.governance.messages.ChairVote;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.util.UUID;

/**
 * @param chairVote    how the chair voted: needed when the votes are tied, since the chair's vote then decides
 * @param secretBallot a secret ballot: in the assembly, a tie is then rejected (no casting vote)
 */
public record DecisionRequest(@NotNull UUID agendaItemId,
                              @NotNull @PositiveOrZero Integer votesFor,
                              @NotNull @PositiveOrZero Integer votesAgainst,
                              @NotNull @PositiveOrZero Integer abstentions,
                              Boolean deferred,
                              Boolean secretBallot,
                              ChairVote chairVote) {
}

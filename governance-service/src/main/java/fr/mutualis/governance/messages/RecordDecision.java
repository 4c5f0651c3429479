package fr.mutualis.governance.messages;

import fr.mutualis.kit.tenant.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.UUID;

/**
 * The vote on one agenda item. {@code chairVote} is how the chair voted, needed only to break a tie;
 * {@code deferred} adjourns the item whatever the votes.
 */
public record RecordDecision(@TargetAggregateIdentifier UUID instanceId, UUID sessionId, Caller caller,
                             UUID decisionId, UUID agendaItemId, int votesFor, int votesAgainst, int abstentions,
                             boolean deferred, boolean secretBallot, ChairVote chairVote,
                             @TargetAggregateVersion Long expectedVersion) {
}

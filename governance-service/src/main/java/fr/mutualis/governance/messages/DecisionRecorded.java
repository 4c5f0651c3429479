package fr.mutualis.governance.messages;

import java.util.UUID;

/** A decision taken in séance; it stays provisional until the séance is closed and its minutes published. */
public record DecisionRecorded(UUID instanceId, UUID sessionId, UUID decisionId, UUID agendaItemId, int votesFor,
                               int votesAgainst, int abstentions, long votingMembers, long votingPresent,
                               boolean secretBallot, boolean chairCastingVote,
                               Outcome outcome) {
}

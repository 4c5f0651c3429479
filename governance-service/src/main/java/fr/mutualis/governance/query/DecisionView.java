package fr.mutualis.governance.query;

import fr.mutualis.governance.messages.ArbitratedAmount;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A decision of the register. {@code finalDecision} is false while its séance is open (it may still be
 * completed), true once the minutes are published.
 */
public record DecisionView(UUID id, UUID sessionId, UUID instanceId, String instanceName, String instanceKind,
                           String ownerId, UUID agendaItemId, String agendaItemKind, String title, String subjectId,
                           List<ArbitratedAmount> amounts, String outcome, int votesFor, int votesAgainst,
                           int abstentions, int votingMembers, int votingPresent, boolean secretBallot,
                           boolean chairCastingVote, LocalDate decidedOn, boolean finalDecision) {
}

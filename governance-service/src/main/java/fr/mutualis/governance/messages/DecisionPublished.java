package fr.mutualis.governance.messages;

import fr.mutualis.kit.tenant.Owner;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A decision made final by the closing of its séance: from now on it is immutable and drives other contexts. */
public record DecisionPublished(UUID instanceId, UUID sessionId, UUID decisionId, Owner ownerId,
                                InstanceKind instanceKind, UUID agendaItemId, AgendaItemKind agendaItemKind,
                                String subjectId, String title, Outcome outcome, int votesFor, int votesAgainst,
                                int abstentions, List<ArbitratedAmount> amounts, LocalDate decidedOn) {
}

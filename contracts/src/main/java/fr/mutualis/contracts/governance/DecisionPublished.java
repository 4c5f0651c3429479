package fr.mutualis.contracts.governance;

import fr.mutualis.contracts.IntegrationEvent;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A decision became final: published when its session closes, after which it is immutable. Portfolio and budget
 * act on the APPROVED ones: PROJECT_GATE approves project {@code subjectId}, ROADMAP_ADOPTION adopts roadmap
 * {@code subjectId}, BUDGET_ARBITRATION records {@code amounts}.
 *
 * @param ownerId        the tenant (SIREN) or mutualisation id owning the instance
 * @param agendaItemKind PROJECT_GATE, ROADMAP_ADOPTION, BUDGET_ARBITRATION, PRIORITISATION or INFORMATION
 * @param subjectId      the project or roadmap decided upon, when the item has one
 * @param outcome        APPROVED, REJECTED or DEFERRED
 */
@IntegrationEvent(type = "governance.DecisionPublished")
public record DecisionPublished(UUID decisionId, UUID sessionId, UUID instanceId, String ownerId, String instanceKind,
                                UUID agendaItemId, String agendaItemKind, String subjectId, String title,
                                String outcome, int votesFor, int votesAgainst, int abstentions,
                                List<ArbitratedAmount> amounts, LocalDate decidedOn) {

    /** An amount arbitrated for a budget line or a project, in euro cents. */
    public record ArbitratedAmount(UUID budgetLineId, UUID projectId, long amountCents) {
    }
}

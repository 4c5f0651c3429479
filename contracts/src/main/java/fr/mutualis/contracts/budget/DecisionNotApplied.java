package fr.mutualis.contracts.budget;

import fr.mutualis.contracts.IntegrationEvent;

import java.util.UUID;

/**
 * An approved BUDGET_ARBITRATION decision names a budget line the budget cannot record it on: the decision stands in
 * governance, its amount is on no line of its owner here (evaluation raises a DECISION_NOT_APPLIED alert). One event
 * per line concerned.
 *
 * @param ownerId        the tenant (SIREN) or mutualisation id owning the deciding instance
 * @param agendaItemKind BUDGET_ARBITRATION
 * @param subjectId      the budget line the decision named
 * @param reason         OTHER_OWNER (the line belongs to another owner than the deciding instance) or UNKNOWN_SUBJECT
 *                       (no budget line has this id here)
 */
@IntegrationEvent(type = "budget.DecisionNotApplied")
public record DecisionNotApplied(UUID decisionId, String ownerId, String agendaItemKind, String subjectId, String reason) {
}

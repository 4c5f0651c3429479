package fr.mutualis.contracts.portfolio;

import fr.mutualis.contracts.IntegrationEvent;

import java.util.UUID;

/**
 * An approved governance decision that the portfolio could not apply: the decision stands in governance, its effect does
 * not exist here (evaluation raises a DECISION_NOT_APPLIED alert).
 *
 * @param ownerId        the tenant (SIREN) or mutualisation id owning the deciding instance
 * @param agendaItemKind PROJECT_GATE or ROADMAP_ADOPTION
 * @param subjectId      what the decision named, as it named it
 * @param reason         WRONG_STATE (the subject is not in the state the decision applies to), OTHER_OWNER (the
 *                       deciding instance has no say on it) or UNKNOWN_SUBJECT (nothing has this id here)
 */
@IntegrationEvent(type = "portfolio.DecisionNotApplied")
public record DecisionNotApplied(UUID decisionId, String ownerId, String agendaItemKind, String subjectId, String reason) {
}

package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Owner;

import java.util.UUID;

/**
 * An approved governance decision the portfolio could not apply. Not an aggregate's event: the subject may not exist
 * here, so it is published on the event bus, which stores it like any other and hands it to the integration processor.
 *
 * @param subjectId what the decision named, as it named it (possibly no id of ours)
 * @param reason    WRONG_STATE, OTHER_OWNER or UNKNOWN_SUBJECT
 */
public record DecisionNotApplied(UUID decisionId, Owner ownerId, String agendaItemKind, String subjectId,
                                 DecisionEffect reason) {
}

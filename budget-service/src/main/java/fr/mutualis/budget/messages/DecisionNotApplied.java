package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;

import java.util.UUID;

/**
 * An approved budget arbitration names a line the budget cannot record it on. Not an aggregate's event: the line may
 * not exist here, so it is published on the event bus, which stores it and hands it to the integration processor.
 *
 * @param subjectId the budget line the decision named
 * @param reason    OTHER_OWNER or UNKNOWN_SUBJECT
 */
public record DecisionNotApplied(UUID decisionId, Owner ownerId, String agendaItemKind, String subjectId, String reason) {
}

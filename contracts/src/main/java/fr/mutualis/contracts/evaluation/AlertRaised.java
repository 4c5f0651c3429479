package fr.mutualis.contracts.evaluation;

import fr.mutualis.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * Something needs an owner's attention (DOMAIN §9). An alert is identified by {@code alertId}, stable for one cause
 * (the same rule on the same subject raised again after it ended is a new alert); it ends with {@link AlertEnded}.
 *
 * @param kind         CREDITS_NEARLY_CONSUMED, CP_SHORTFALL, MILESTONE_LATE, INDICATOR_OFF_TRACK, CADENCE_NOT_KEPT,
 *                     SHORT_NOTICE, MINUTES_LATE or DECISION_NOT_APPLIED
 * @param ownerId      the tenant (SIREN) or mutualisation id concerned
 * @param subjectKind  what the alert is about, the page that shows it: PROJECT, BUDGET_LINE, PROGRAMME, INDICATOR,
 *                     INSTANCE, SESSION or DECISION
 * @param subjectId    that subject's id
 * @param subjectLabel the subject's name when the alert was raised, for messages
 * @param since        when the cause began (for a deadline: the first instant past it)
 * @param detail       a French sentence saying what is wrong, with figures and threshold
 */
@IntegrationEvent(type = "evaluation.AlertRaised")
public record AlertRaised(UUID alertId, String kind, String ownerId, String subjectKind, String subjectId,
                          String subjectLabel, Instant since, String detail) {
}

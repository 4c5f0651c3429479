package fr.mutualis.contracts.governance;

import fr.mutualis.contracts.IntegrationEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A séance was convened, before it is held: evaluation checks its legal notice and that its minutes follow.
 *
 * @param ownerId      the tenant (SIREN) or mutualisation id owning the instance
 * @param instanceKind DELIBERATIVE_ASSEMBLY, STRATEGIC_COMMITTEE, PORTFOLIO_STEERING_COMMITTEE, OPERATIONAL_COMMITTEE
 *                     or WORKING_GROUP
 * @param scheduledAt  when the séance sits
 * @param convenedAt   the day the convocation was sent
 * @param urgent       convened in urgency (one jour franc of notice suffices, the assembly rules on the urgency)
 */
@IntegrationEvent(type = "governance.SessionScheduled")
public record SessionScheduled(UUID sessionId, UUID instanceId, String ownerId, String instanceKind, Instant scheduledAt,
                               LocalDate convenedAt, boolean urgent) {
}

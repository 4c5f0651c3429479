package fr.mutualis.contracts.evaluation;

import fr.mutualis.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * The cause of alert {@code alertId} went away (credits voted, milestone reached, séance held, ...): the alert ends by
 * itself. Fields repeat {@link AlertRaised}'s so that a consumer needs no state to route it.
 *
 * @param until  when the cause went away
 * @param reason a French sentence saying why it ended
 */
@IntegrationEvent(type = "evaluation.AlertEnded")
public record AlertEnded(UUID alertId, String kind, String ownerId, String subjectKind, String subjectId,
                         Instant since, Instant until, String reason) {
}

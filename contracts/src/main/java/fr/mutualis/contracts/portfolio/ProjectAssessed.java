package fr.mutualis.contracts.portfolio;

import fr.mutualis.contracts.IntegrationEvent;

import java.util.UUID;

/**
 * A project was scored on the six priorisation criteria (0 to 5; {@code risk} counts inverted in the priority). Sent
 * at the first assessment and at every re-assessment before the project gate.
 */
@IntegrationEvent(type = "portfolio.ProjectAssessed")
public record ProjectAssessed(UUID projectId, UUID roadmapId, String ownerId, int strategicAlignment, int userValue,
                              int agentValue, int legalObligation, int feasibility, int risk) {
}

package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Owner;

import java.util.List;
import java.util.UUID;

public record ScenarioDefined(UUID scenarioId, UUID roadmapId, Owner ownerId, String name, List<UUID> projectIds,
                              List<ScenarioEnvelope> envelopes) {
}

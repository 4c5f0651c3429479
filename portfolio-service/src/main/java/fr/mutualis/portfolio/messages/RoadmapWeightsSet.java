package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Owner;

import java.util.UUID;

public record RoadmapWeightsSet(UUID roadmapId, Owner ownerId, PriorityWeights weights) {
}

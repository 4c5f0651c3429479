package fr.mutualis.portfolio.command;

import fr.mutualis.kit.tenant.Owner;

import java.util.UUID;

public record RoadmapWeightsSet(UUID roadmapId, Owner ownerId, PriorityWeights weights) {
}

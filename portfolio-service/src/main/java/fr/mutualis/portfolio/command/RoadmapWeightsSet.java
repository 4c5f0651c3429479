package fr.mutualis.portfolio.command;

import java.util.UUID;

public record RoadmapWeightsSet(UUID roadmapId, String ownerId, PriorityWeights weights) {
}

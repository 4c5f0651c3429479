package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Owner;

import java.util.Set;
import java.util.UUID;

public record RoadmapDrafted(UUID roadmapId, Owner ownerId, String title, int startYear, int endYear, Set<Axis> axes) {
}

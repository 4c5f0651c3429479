package fr.mutualis.portfolio.command;

import java.util.Set;
import java.util.UUID;

public record RoadmapDrafted(UUID roadmapId, String ownerId, String title, int startYear, int endYear, Set<Axis> axes) {
}

package fr.mutualis.portfolio.command;

import java.util.UUID;

public record RoadmapClosed(UUID roadmapId, String ownerId, String finalAssessment) {
}

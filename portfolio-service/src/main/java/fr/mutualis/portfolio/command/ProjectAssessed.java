package fr.mutualis.portfolio.command;

import java.util.UUID;

public record ProjectAssessed(UUID projectId, UUID roadmapId, String ownerId, AssessmentScores scores) {
}

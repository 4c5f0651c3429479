package fr.mutualis.contracts.portfolio;

import fr.mutualis.contracts.IntegrationEvent;

import java.util.UUID;

/** A roadmap was closed with its final assessment. */
@IntegrationEvent(type = "portfolio.RoadmapClosed")
public record RoadmapClosed(UUID roadmapId, String ownerId, String finalAssessment) {
}

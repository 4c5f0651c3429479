package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Owner;

import java.util.UUID;

public record RoadmapClosed(UUID roadmapId, Owner ownerId, String finalAssessment) {
}

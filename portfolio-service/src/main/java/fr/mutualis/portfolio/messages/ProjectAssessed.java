package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Owner;

import java.util.UUID;

public record ProjectAssessed(UUID projectId, UUID roadmapId, Owner ownerId, AssessmentScores scores) {
}

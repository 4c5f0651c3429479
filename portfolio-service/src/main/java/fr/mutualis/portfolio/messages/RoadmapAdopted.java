package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Owner;

import java.time.LocalDate;
import java.util.UUID;

public record RoadmapAdopted(UUID roadmapId, Owner ownerId, UUID decisionId, LocalDate adoptedOn, int startYear,
                             int endYear) {
}

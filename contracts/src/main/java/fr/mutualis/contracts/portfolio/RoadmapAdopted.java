package fr.mutualis.contracts.portfolio;

import fr.mutualis.contracts.IntegrationEvent;

import java.time.LocalDate;
import java.util.UUID;

/** A roadmap was adopted by an approved ROADMAP_ADOPTION decision of governance. */
@IntegrationEvent(type = "portfolio.RoadmapAdopted")
public record RoadmapAdopted(UUID roadmapId, String ownerId, UUID decisionId, LocalDate adoptedOn, int startYear,
                             int endYear) {
}

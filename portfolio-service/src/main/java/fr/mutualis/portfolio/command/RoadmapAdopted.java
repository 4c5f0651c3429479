package fr.mutualis.portfolio.command;

import java.time.LocalDate;
import java.util.UUID;

public record RoadmapAdopted(UUID roadmapId, String ownerId, UUID decisionId, LocalDate adoptedOn, int startYear,
                             int endYear) {
}

package fr.mutualis.portfolio.query;

import fr.mutualis.portfolio.messages.PriorityWeights;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A roadmap as read; {@code ownerId} is a tenant's SIREN or a mutualisation id. */
public record RoadmapView(UUID id, String ownerId, String title, int startYear, int endYear, List<String> axes,
                          String status, int projectsCount, PriorityWeights weights, LocalDate adoptedOn,
                          UUID adoptionDecisionId, String finalAssessment, long version) {
}

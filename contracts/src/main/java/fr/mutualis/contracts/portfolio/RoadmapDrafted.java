package fr.mutualis.contracts.portfolio;

import fr.mutualis.contracts.IntegrationEvent;

import java.util.List;
import java.util.UUID;

/** A roadmap (schéma directeur / feuille de route numérique) was created in DRAFT. */
@IntegrationEvent(type = "portfolio.RoadmapDrafted")
public record RoadmapDrafted(UUID roadmapId, String ownerId, String title, int startYear, int endYear,
                             List<String> axes) {
}

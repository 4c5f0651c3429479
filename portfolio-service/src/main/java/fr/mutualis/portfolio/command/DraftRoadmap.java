package fr.mutualis.portfolio.command;

import java.util.Set;
import java.util.UUID;

/** Start a roadmap (schéma directeur / feuille de route numérique) in DRAFT. */
public record DraftRoadmap(UUID roadmapId, String ownerId, String title, int startYear, int endYear, Set<Axis> axes) {
}

package fr.mutualis.portfolio.command;

import java.util.Set;
import java.util.UUID;

/**
 * Start a roadmap (schéma directeur / feuille de route numérique) in DRAFT, owned by {@code ownerId}: the acting
 * tenant, or a mutualisation the actor administers.
 */
public record DraftRoadmap(UUID roadmapId, Actor actor, String ownerId, String title, int startYear, int endYear,
                           Set<Axis> axes) {
}

package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Caller;
import fr.mutualis.kit.tenant.Owner;

import java.util.Set;
import java.util.UUID;

/**
 * Start a roadmap (schéma directeur / feuille de route numérique) in DRAFT, owned by {@code ownerId}: the acting
 * tenant, or a mutualisation the caller administers.
 */
public record DraftRoadmap(UUID roadmapId, Caller caller, Owner ownerId, String title, int startYear, int endYear,
                           Set<Axis> axes) {
}

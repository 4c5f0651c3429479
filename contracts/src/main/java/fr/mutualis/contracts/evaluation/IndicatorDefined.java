package fr.mutualis.contracts.evaluation;

import fr.mutualis.contracts.IntegrationEvent;

import java.util.UUID;

/** An indicator was defined for a scope (tenant, mutualisation, roadmap or project). */
@IntegrationEvent(type = "evaluation.IndicatorDefined")
public record IndicatorDefined(UUID indicatorId, String ownerId, String scopeKind, String scopeId, String name,
                               String unit, String direction) {
}

package fr.mutualis.contracts.evaluation;

import fr.mutualis.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An indicator was defined for a scope (tenant, mutualisation, roadmap or project). The baseline and the target
 * (added after the first release, optional for a consumer) let a reporting job tell an indicator on track from one
 * off track, as the evaluation service does.
 */
@IntegrationEvent(type = "evaluation.IndicatorDefined")
public record IndicatorDefined(UUID indicatorId, String ownerId, String scopeKind, String scopeId, String name,
                               String unit, String direction, BigDecimal baselineValue, LocalDate baselineDate,
                               BigDecimal targetValue, LocalDate targetDate) {
}

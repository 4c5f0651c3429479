package fr.mutualis.evaluation.query;

import fr.mutualis.contracts.evaluation.IndicatorStatus;

import java.util.UUID;

/** An indicator in a list: what it measures and where it stands. */
public record IndicatorSummary(UUID id, String ownerId, String scopeKind, String scopeId, String name, String unit,
                               String direction, IndicatorStatus status, IndicatorDetails.Measurement latestMeasurement) {
}

package fr.mutualis.evaluation.query;

import fr.mutualis.contracts.evaluation.IndicatorStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An indicator with its measurements (oldest first) and its status at the latest one. */
public record IndicatorDetails(UUID id, String ownerId, String scopeKind, String scopeId, String name, String unit,
                               BigDecimal baselineValue, LocalDate baselineDate, BigDecimal targetValue,
                               LocalDate targetDate, String direction, String frequency, IndicatorStatus status,
                               Measurement latestMeasurement, List<Measurement> measurements, long version) {

    public record Measurement(LocalDate date, BigDecimal value, String source) {
    }
}

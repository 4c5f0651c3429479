package fr.mutualis.evaluation.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record IndicatorView(UUID id, String ownerId, String scopeKind, String scopeId, String name, String unit,
                            BigDecimal baselineValue, LocalDate baselineDate, BigDecimal targetValue,
                            LocalDate targetDate, String direction, String frequency, long version) {
}

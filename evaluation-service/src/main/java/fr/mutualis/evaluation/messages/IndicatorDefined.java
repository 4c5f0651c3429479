package fr.mutualis.evaluation.messages;

import fr.mutualis.kit.tenant.Owner;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record IndicatorDefined(UUID indicatorId, Owner ownerId, ScopeKind scopeKind, String scopeId, String name,
                               String unit, BigDecimal baselineValue, LocalDate baselineDate, BigDecimal targetValue,
                               LocalDate targetDate, Direction direction, Frequency frequency) {
}

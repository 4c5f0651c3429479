package fr.mutualis.evaluation.messages;

import fr.mutualis.kit.tenant.Owner;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record MeasurementRecorded(UUID indicatorId, Owner ownerId, LocalDate date, BigDecimal value, String source) {
}

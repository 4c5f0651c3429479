package fr.mutualis.contracts.evaluation;

import fr.mutualis.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A dated value of an indicator was recorded, with its source. */
@IntegrationEvent(type = "evaluation.MeasurementRecorded")
public record MeasurementRecorded(UUID indicatorId, String ownerId, LocalDate date, BigDecimal value, String source) {
}

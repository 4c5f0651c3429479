package fr.mutualis.evaluation.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record MeasurementRecorded(UUID indicatorId, String ownerId, LocalDate date, BigDecimal value, String source) {
}

package fr.mutualis.evaluation.messages;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A dated value of an indicator, from a named source; {@code expectedVersion} carries the caller's If-Match. */
public record RecordMeasurement(@TargetAggregateIdentifier UUID indicatorId, LocalDate date, BigDecimal value,
                                String source, @TargetAggregateVersion Long expectedVersion) {
}

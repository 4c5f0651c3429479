package fr.mutualis.evaluation.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

public record RecordMeasurementRequest(
        @NotNull LocalDate date,
        @NotNull @DecimalMin("-1e12") @DecimalMax("1e12") BigDecimal value,
        @NotBlank @Size(max = 300) String source) {
}

package fr.mutualis.evaluation.api;

import fr.mutualis.evaluation.messages.Direction;
import fr.mutualis.evaluation.messages.Frequency;
import fr.mutualis.evaluation.messages.ScopeKind;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

public record DefineIndicatorRequest(
        @NotNull ScopeKind scopeKind,
        @NotBlank @Size(max = 64) String scopeId,
        @NotBlank @Size(max = 300) String name,
        @NotBlank @Size(max = 50) String unit,
        @NotNull @DecimalMin("-1e12") @DecimalMax("1e12") BigDecimal baselineValue,
        @NotNull LocalDate baselineDate,
        @NotNull @DecimalMin("-1e12") @DecimalMax("1e12") BigDecimal targetValue,
        @NotNull LocalDate targetDate,
        @NotNull Direction direction,
        @NotNull Frequency frequency) {
}

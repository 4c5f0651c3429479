package fr.mutualis.budget.api;

import fr.mutualis.budget.messages.Section;
import fr.mutualis.kit.api.Money;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * {@code mutualisationId} (optional) makes the line the mutualisation's; {@code programmeId} (optional, an addition to
 * API.md) makes the line spend that programme's CP.
 */
public record OpenBudgetLineRequest(
        @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
        @NotNull Section section,
        @NotNull @Pattern(regexp = "[0-9]{2,3}", message = "{budget.m57-chapter}") String chapter,
        @NotBlank @Size(max = 300) String label,
        UUID projectId,
        UUID mutualisationId,
        @NotNull @PositiveOrZero @Max(Money.MAX_CENTS) Long plannedCents,
        UUID programmeId) {
}

package fr.mutualis.budget.api;

import fr.mutualis.kit.api.Money;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import java.util.Map;

/** A mutualisation's cost of a fiscal year to split; {@code usage} (units per member SIREN) is for the USAGE key. */
public record AllocationRequest(
        @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
        @NotNull @PositiveOrZero @Max(Money.MAX_CENTS) Long costCents,
        Map<@Pattern(regexp = "[0-9]{9}", message = "{budget.siren}") String,
                @NotNull @PositiveOrZero @Max(Money.MAX_CENTS) Long> usage) {
}

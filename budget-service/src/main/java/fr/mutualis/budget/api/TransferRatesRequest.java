package fr.mutualis.budget.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * The délibération by which the assembly delegates transfers between chapters: per section, a percentage of the
 * section's real expenditure with at most two decimals (7.5 at most, else 422), and the délibération's reference.
 */
public record TransferRatesRequest(
        @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 2) BigDecimal investmentPercent,
        @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 2) BigDecimal operatingPercent,
        @NotBlank @Size(max = 200) String deliberation) {
}

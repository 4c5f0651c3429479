package fr.mutualis.budget.api;

import fr.mutualis.kit.api.Money;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/** Move {@code amountCents} of credits from one line to another of the same budget and section, on {@code date}. */
public record TransferRequest(
        @NotNull UUID fromLineId,
        @NotNull UUID toLineId,
        @NotNull @Positive @Max(Money.MAX_CENTS) Long amountCents,
        @NotBlank @Size(max = 500) String reason,
        @NotNull LocalDate date) {
}

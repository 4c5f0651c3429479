package fr.mutualis.budget.api;

import fr.mutualis.kit.api.Money;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** An engagement or a mandate: amount, the accounting reference (bon de commande, marché, n° de mandat) and date. */
public record SpendingRequest(
        @NotNull @Positive @Max(Money.MAX_CENTS) Long amountCents,
        @NotBlank @Size(max = 100) String reference,
        @NotNull LocalDate date) {
}

package fr.mutualis.budget.api;

import fr.mutualis.budget.messages.BudgetStage;
import fr.mutualis.kit.api.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** A vote of the assembly at one stage: the new credits (totals, not deltas) of each line it covers. */
public record VoteRequest(
        @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
        @NotNull BudgetStage stage,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid VotedLine> lines) {

    public record VotedLine(@NotNull UUID lineId, @NotNull @PositiveOrZero @Max(Money.MAX_CENTS) Long creditsCents) {
    }
}

package fr.mutualis.portfolio.api;

import fr.mutualis.kit.api.Money;
import fr.mutualis.portfolio.messages.BudgetSection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * A what-if scenario of the roadmap in the path: the PROPOSED or ASSESSED projects picked (those already approved or
 * under way always count), and the envelopes entered per year and section (optional: a year and section without one
 * is compared with the budget's open credits).
 */
public record CreateScenarioRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(max = 500) List<@NotNull UUID> projectIds,
        @Size(max = 24) List<@NotNull @Valid EnteredEnvelope> envelopes) {

    public record EnteredEnvelope(@NotNull Integer year, @NotNull BudgetSection section,
                           @NotNull @PositiveOrZero @Max(Money.MAX_CENTS) Long amountCents) {
    }
}

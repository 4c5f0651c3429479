package fr.mutualis.portfolio.api;

import fr.mutualis.kit.api.Money;
import fr.mutualis.kit.api.ValidSiren;
import fr.mutualis.portfolio.messages.Axis;
import fr.mutualis.portfolio.messages.Theme;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

public record ProposeProjectRequest(
        @NotNull UUID roadmapId,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 10_000) String description,
        @NotNull Axis axis,
        @NotNull Theme theme,
        @Size(max = 200) String sponsor,
        @Size(max = 200) String manager,
        @NotNull LocalDate plannedStart,
        @NotNull LocalDate plannedEnd,
        @NotNull @PositiveOrZero @Max(Money.MAX_CENTS) Long estimatedInvestmentCents,
        @NotNull @PositiveOrZero @Max(Money.MAX_CENTS) Long estimatedOperatingCents,
        @Size(max = 200) Set<@NotNull @ValidSiren String> participantSirens) {

    @AssertTrue(message = "{portfolio.planned-end}")
    boolean isPlannedPeriodOrdered() {
        return plannedStart == null || plannedEnd == null || !plannedEnd.isBefore(plannedStart);
    }
}

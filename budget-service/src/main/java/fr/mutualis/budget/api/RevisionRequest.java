package fr.mutualis.budget.api;

import fr.mutualis.kit.api.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** A revision of an AP by a new decision ({@code decisionId}, optional, names the deliberation). */
public record RevisionRequest(
        @NotNull @Positive @Max(Money.MAX_CENTS) Long amountCents,
        @NotEmpty @Size(max = 30) List<ProgrammeRequest.@NotNull @Valid ScheduleEntry> schedule,
        @NotBlank @Size(max = 1000) String reason,
        UUID decisionId) {
}

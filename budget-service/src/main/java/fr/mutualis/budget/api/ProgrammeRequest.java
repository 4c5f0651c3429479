package fr.mutualis.budget.api;

import fr.mutualis.kit.api.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** A programme authorisation (AP, or AE on an operating chapter) and its CP schedule. */
public record ProgrammeRequest(
        @NotBlank @Size(max = 300) String label,
        @NotNull @Pattern(regexp = "[0-9]{2,3}", message = "{budget.m57-chapter}") String chapter,
        UUID projectId,
        @NotNull @Positive @Max(Money.MAX_CENTS) Long amountCents,
        @NotEmpty @Size(max = 30) List<@NotNull @Valid ScheduleEntry> schedule) {

    /** The CP of one year. */
    public record ScheduleEntry(@NotNull @Min(2000) @Max(2100) Integer year,
                                @NotNull @PositiveOrZero @Max(Money.MAX_CENTS) Long amountCents) {
    }
}

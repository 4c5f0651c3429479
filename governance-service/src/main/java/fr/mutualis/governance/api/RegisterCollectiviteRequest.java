package fr.mutualis.governance.api;

import fr.mutualis.governance.command.CollectiviteKind;
import fr.mutualis.kit.api.ValidSiren;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

public record RegisterCollectiviteRequest(
        @NotNull @ValidSiren String siren,
        @NotBlank @Size(max = 300) String name,
        @NotNull CollectiviteKind kind,
        @NotNull @PositiveOrZero @Max(MAX_POPULATION) Long population,
        @ValidSiren String epciSiren) {

    /** Several times the largest French region: a typo guard, not a demographic claim. */
    static final long MAX_POPULATION = 100_000_000L;
}

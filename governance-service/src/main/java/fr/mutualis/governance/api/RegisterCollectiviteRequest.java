package fr.mutualis.governance.api;

import fr.mutualis.governance.messages.CollectiviteKind;
import fr.mutualis.kit.api.ValidSiren;
import fr.mutualis.kit.api.ValidSiret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** @param siret the siège's SIRET (a SIRET of {@code siren}: the aggregate checks that it starts with it) */
public record RegisterCollectiviteRequest(
        @NotNull @ValidSiren String siren,
        @NotBlank @Size(max = 300) String name,
        @NotNull CollectiviteKind kind,
        @NotNull @PositiveOrZero @Max(MAX_POPULATION) Long population,
        @ValidSiren String epciSiren,
        @ValidSiret String siret) {

    /** Several times the largest French region: a typo guard, not a demographic claim. */
    static final long MAX_POPULATION = 100_000_000L;
}

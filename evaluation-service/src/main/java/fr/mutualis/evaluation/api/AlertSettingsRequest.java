package fr.mutualis.evaluation.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A tenant's alert thresholds, in percent (DOMAIN §9: 90 and 90 by default). */
public record AlertSettingsRequest(@NotNull @Min(1) @Max(100) Integer creditsPercent,
                                   @NotNull @Min(1) @Max(100) Integer mandatedPercent) {
}

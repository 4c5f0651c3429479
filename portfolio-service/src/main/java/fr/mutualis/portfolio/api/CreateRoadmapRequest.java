package fr.mutualis.portfolio.api;

import fr.mutualis.portfolio.messages.Axis;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Set;
import java.util.UUID;

/** {@code mutualisationId} set: a shared roadmap, owned by that mutualisation and drafted by its administrators. */
public record CreateRoadmapRequest(
        @NotBlank @Size(max = 300) String title,
        @NotNull @Min(2000) @Max(2100) Integer startYear,
        @NotNull @Min(2000) @Max(2100) Integer endYear,
        @NotEmpty @Size(max = 12) Set<@NotNull Axis> axes,
        UUID mutualisationId) {
}

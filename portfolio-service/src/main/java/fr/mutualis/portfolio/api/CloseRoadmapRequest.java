package fr.mutualis.portfolio.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The final assessment (bilan) of the roadmap. */
public record CloseRoadmapRequest(@NotBlank @Size(max = 20_000) String finalAssessment) {
}

package fr.mutualis.portfolio.api;

import fr.mutualis.portfolio.messages.AssessmentScores;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Scores 0 to 5; {@code risk} is the project's risk (5 = very risky), which lowers its priority. */
public record AssessProjectRequest(
        @NotNull @Min(0) @Max(AssessmentScores.MAX) Integer strategicAlignment,
        @NotNull @Min(0) @Max(AssessmentScores.MAX) Integer userValue,
        @NotNull @Min(0) @Max(AssessmentScores.MAX) Integer agentValue,
        @NotNull @Min(0) @Max(AssessmentScores.MAX) Integer legalObligation,
        @NotNull @Min(0) @Max(AssessmentScores.MAX) Integer feasibility,
        @NotNull @Min(0) @Max(AssessmentScores.MAX) Integer risk) {

    AssessmentScores scores() {
        return new AssessmentScores(strategicAlignment, userValue, agentValue, legalObligation, feasibility, risk);
    }
}

package fr.mutualis.portfolio.api;

import fr.mutualis.portfolio.messages.PriorityWeights;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The weight of each criterion, 0 to 10, at least one positive. */
public record PriorityWeightsRequest(
        @NotNull @Min(0) @Max(PriorityWeights.MAX) Integer strategicAlignment,
        @NotNull @Min(0) @Max(PriorityWeights.MAX) Integer userValue,
        @NotNull @Min(0) @Max(PriorityWeights.MAX) Integer agentValue,
        @NotNull @Min(0) @Max(PriorityWeights.MAX) Integer legalObligation,
        @NotNull @Min(0) @Max(PriorityWeights.MAX) Integer feasibility,
        @NotNull @Min(0) @Max(PriorityWeights.MAX) Integer risk) {

    @AssertTrue(message = "{portfolio.weight-positive}")
    boolean isAnyWeightPositive() {
        return strategicAlignment == null || userValue == null || agentValue == null || legalObligation == null
                || feasibility == null || risk == null
                || strategicAlignment + userValue + agentValue + legalObligation + feasibility + risk > 0;
    }

    PriorityWeights weights() {
        return new PriorityWeights(strategicAlignment, userValue, agentValue, legalObligation, feasibility, risk);
    }
}

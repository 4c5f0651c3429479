package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.error.BusinessRuleViolationException;

import java.util.List;
import java.util.Map;

/**
 * How much each assessment criterion counts in a roadmap's priority score, 0 to {@value #MAX} each, at least one
 * positive. A roadmap starts with {@link #EQUAL}: until its steering committee decides otherwise, every criterion
 * counts the same.
 */
public record PriorityWeights(int strategicAlignment, int userValue, int agentValue, int legalObligation,
                              int feasibility, int risk) {

    public static final int MAX = 10;
    public static final PriorityWeights EQUAL = new PriorityWeights(1, 1, 1, 1, 1, 1);

    /** Refuses weights outside 0 to {@value #MAX} or all zero; the roadmap checks them before recording them. */
    public void checkRange() {
        List<Integer> all = List.of(strategicAlignment, userValue, agentValue, legalObligation, feasibility, risk);
        if (all.stream().anyMatch(weight -> weight < 0 || weight > MAX) || all.stream().mapToInt(Integer::intValue).sum() == 0) {
            throw new BusinessRuleViolationException("priority-weights",
                    "Weights go from 0 to " + MAX + " and at least one must be positive", Map.of("max", MAX));
        }
    }
}

package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.error.BusinessRuleViolationException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The six priorisation criteria, each scored 0 to 5. {@code risk} is scored as a risk (5 = very risky) and counts
 * inverted in the priority.
 */
public record AssessmentScores(int strategicAlignment, int userValue, int agentValue, int legalObligation,
                               int feasibility, int risk) {

    public static final int MAX = 5;

    private Map<String, Integer> byCriterion() {
        Map<String, Integer> scores = new LinkedHashMap<>();
        scores.put("strategicAlignment", strategicAlignment);
        scores.put("userValue", userValue);
        scores.put("agentValue", agentValue);
        scores.put("legalObligation", legalObligation);
        scores.put("feasibility", feasibility);
        scores.put("risk", risk);
        return scores;
    }

    /** Refuses a score outside 0 to {@value #MAX}; the project checks it before recording an assessment. */
    public void checkRange() {
        byCriterion().forEach((criterion, score) -> {
            if (score < 0 || score > MAX) {
                throw new BusinessRuleViolationException("assessment-score-range",
                        criterion + " is scored " + score + "; scores go from 0 to " + MAX,
                        Map.of("criterion", criterion, "score", score, "max", MAX));
            }
        });
    }
}

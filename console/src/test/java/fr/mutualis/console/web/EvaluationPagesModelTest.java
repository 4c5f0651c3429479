package fr.mutualis.console.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What the evaluation and territory pages compute from the API's answers before the templates show it. */
class EvaluationPagesModelTest {

    @Test
    void decimalsAreTypedTheFrenchWayAndAnythingElseIsSentAsTyped() {
        assertThat(EvaluationForms.decimal("12,5")).isEqualTo(new BigDecimal("12.5"));
        assertThat(EvaluationForms.decimal("1\u202F234,75")).isEqualTo(new BigDecimal("1234.75"));
        assertThat(EvaluationForms.decimal("beaucoup")).isEqualTo("beaucoup");
        assertThat(EvaluationForms.decimal(" ")).isNull();
    }

    @Test
    void theChartRunsFromTheBaselineThroughEachMeasurementInDateOrderToTheTarget() {
        Map<String, Object> indicator = Map.of("baselineDate", "2025-01-01", "targetDate", "2028-12-31",
                "measurements", List.of(Map.of("date", "2026-03-31", "value", 41),
                        Map.of("date", "2025-06-30", "value", 30.5)));

        List<Map<String, Object>> rows = EvaluationController.trajectory(indicator);

        assertThat(rows).extracting(row -> row.get("date"))
                .containsExactly("2025-01-01", "2025-06-30", "2026-03-31", "2028-12-31");
        assertThat(rows).extracting(row -> row.get("value")).containsExactly(null, 30.5, 41, null);
    }

    @Test
    void aMeasurementOnTheBaselineOrTargetDateIsOneRow() {
        Map<String, Object> indicator = Map.of("baselineDate", "2025-01-01", "targetDate", "2026-12-31",
                "measurements", List.of(Map.of("date", "2026-12-31", "value", 80)));

        assertThat(EvaluationController.trajectory(indicator)).extracting(row -> row.get("value"))
                .containsExactly(null, 80);
    }

    @Test
    void eachCriterionIsMetUnlessTheApiNamesItMissing() {
        Map<String, Object> barometer = Map.of("profile", "UNCLASSIFIED", "nearestProfile", "OBSERVER",
                "missing", List.of("AXES", "COMMUNICATION"),
                "criteria", Map.of("plan", false, "electedLead", false, "axes", List.of(), "roles", List.of(),
                        "evaluation", false, "communication", List.of()));

        assertThat(EvaluationController.criteria(barometer))
                .extracting(EvaluationController.Criterion::name, EvaluationController.Criterion::met)
                .containsExactly(tuple("PLAN", true),
                        tuple("ELECTED_LEAD", true),
                        tuple("AXES", false),
                        tuple("ROLES", true),
                        tuple("EVALUATION", true),
                        tuple("COMMUNICATION", false));
    }

    @Test
    void indicatorsOnTrackCountThoseAheadAndThoseAchieved() {
        assertThat(ReportingController.onTrack(Map.of("indicators", Map.of("total", 5,
                "byStatus", Map.of("ON_TRACK", 2, "ACHIEVED", 1, "OFF_TRACK", 2))))).isEqualTo(3);
        assertThat(ReportingController.onTrack(Map.of())).isZero();
    }
}

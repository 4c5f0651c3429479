package fr.mutualis.contracts.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Status of an indicator at its latest measurement (DOMAIN.md §5). The expectation at a date is the straight line
 * from the baseline (value, date) to the target (value, date), held at the target after the target date.
 * <ul>
 *     <li>ACHIEVED: the value meets the target (at or above it going UP, at or below it going DOWN);</li>
 *     <li>ON_TRACK: the value is at least the expectation at its date (at most, going DOWN);</li>
 *     <li>AT_RISK: it falls short of the expectation by no more than 10 % of the distance that remains from the
 *     expectation to the target;</li>
 *     <li>OFF_TRACK otherwise; NO_DATA without measurement.</li>
 * </ul>
 * Published with the contracts so that the evaluation service and reporting jobs classify an indicator alike from
 * {@link IndicatorDefined}'s baseline and target.
 */
public enum IndicatorStatus {
    ACHIEVED,
    ON_TRACK,
    AT_RISK,
    OFF_TRACK,
    NO_DATA;

    private static final BigDecimal AT_RISK_SHARE = new BigDecimal("0.10");

    public static IndicatorStatus of(boolean up, BigDecimal baselineValue, LocalDate baselineDate, BigDecimal targetValue,
                                     LocalDate targetDate, LocalDate measuredOn, BigDecimal value) {
        if (value == null) {
            return NO_DATA;
        }
        // Going DOWN is going UP on the negated values: one set of comparisons for both directions.
        int sign = up ? 1 : -1;
        BigDecimal v = value.multiply(BigDecimal.valueOf(sign));
        BigDecimal target = targetValue.multiply(BigDecimal.valueOf(sign));
        BigDecimal expected = expectation(baselineValue, baselineDate, targetValue, targetDate, measuredOn)
                .multiply(BigDecimal.valueOf(sign));
        if (v.compareTo(target) >= 0) {
            return ACHIEVED;
        }
        if (v.compareTo(expected) >= 0) {
            return ON_TRACK;
        }
        BigDecimal shortfall = expected.subtract(v);
        BigDecimal remaining = target.subtract(expected);
        return shortfall.compareTo(remaining.multiply(AT_RISK_SHARE)) <= 0 ? AT_RISK : OFF_TRACK;
    }

    /** The straight-line expectation at {@code date}, the baseline before it starts and the target once it is due. */
    static BigDecimal expectation(BigDecimal baselineValue, LocalDate baselineDate, BigDecimal targetValue,
                                  LocalDate targetDate, LocalDate date) {
        if (!date.isAfter(baselineDate)) {
            return baselineValue;
        }
        if (!date.isBefore(targetDate)) {
            return targetValue;
        }
        BigDecimal elapsed = BigDecimal.valueOf(ChronoUnit.DAYS.between(baselineDate, date));
        BigDecimal period = BigDecimal.valueOf(ChronoUnit.DAYS.between(baselineDate, targetDate));
        return baselineValue.add(targetValue.subtract(baselineValue).multiply(elapsed).divide(period, MathContext.DECIMAL64));
    }
}

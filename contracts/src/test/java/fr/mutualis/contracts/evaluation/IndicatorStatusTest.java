package fr.mutualis.contracts.evaluation;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN.md §5: the status at the latest measurement, for indicators going up and going down. */
class IndicatorStatusTest {

    // Baseline 2026-01-01, target 2027-01-01 (365 days): on 2026-07-02 (182 days) the line is just under half way.
    static final LocalDate BASELINE = LocalDate.of(2026, 1, 1);
    static final LocalDate TARGET = LocalDate.of(2027, 1, 1);
    static final LocalDate TWO_THIRDS = LocalDate.of(2026, 9, 1);

    @Test
    void upIndicator() {
        // 0 -> 300 over 365 days; on 2026-09-01 (243 days) the expectation is 199.73, the remaining distance 100.27.
        assertThat(up("300", TWO_THIRDS)).isEqualTo(IndicatorStatus.ACHIEVED);
        assertThat(up("350", TWO_THIRDS)).isEqualTo(IndicatorStatus.ACHIEVED);
        assertThat(up("200", TWO_THIRDS)).isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(up("190", TWO_THIRDS)).isEqualTo(IndicatorStatus.AT_RISK);
        assertThat(up("189", TWO_THIRDS)).isEqualTo(IndicatorStatus.OFF_TRACK);
        assertThat(IndicatorStatus.of(true, BigDecimal.ZERO, BASELINE, new BigDecimal("300"), TARGET, null, null))
                .isEqualTo(IndicatorStatus.NO_DATA);
    }

    @Test
    void downIndicator() {
        // 300 -> 0: on 2026-09-01 the expectation is 100.27, the remaining distance 100.27.
        assertThat(down("0", TWO_THIRDS)).isEqualTo(IndicatorStatus.ACHIEVED);
        assertThat(down("100", TWO_THIRDS)).isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(down("110", TWO_THIRDS)).isEqualTo(IndicatorStatus.AT_RISK);
        assertThat(down("111", TWO_THIRDS)).isEqualTo(IndicatorStatus.OFF_TRACK);
        assertThat(down("300", TWO_THIRDS)).isEqualTo(IndicatorStatus.OFF_TRACK);
    }

    @Test
    void atRiskIncludesExactlyTenPercentOfTheRemainingDistance() {
        // 0 -> 100 over 100 days from 2026-01-01: on day 50 the expectation is 50, the remaining distance 50, 10 % = 5.
        LocalDate target = BASELINE.plusDays(100);
        LocalDate day50 = BASELINE.plusDays(50);
        assertThat(IndicatorStatus.of(true, BigDecimal.ZERO, BASELINE, new BigDecimal("100"), target, day50, new BigDecimal("45")))
                .isEqualTo(IndicatorStatus.AT_RISK);
        assertThat(IndicatorStatus.of(true, BigDecimal.ZERO, BASELINE, new BigDecimal("100"), target, day50, new BigDecimal("44.99")))
                .isEqualTo(IndicatorStatus.OFF_TRACK);
        assertThat(IndicatorStatus.of(false, new BigDecimal("100"), BASELINE, BigDecimal.ZERO, target, day50, new BigDecimal("55")))
                .isEqualTo(IndicatorStatus.AT_RISK);
        assertThat(IndicatorStatus.of(false, new BigDecimal("100"), BASELINE, BigDecimal.ZERO, target, day50, new BigDecimal("55.01")))
                .isEqualTo(IndicatorStatus.OFF_TRACK);
    }

    @Test
    void atTheTargetDateAnythingShortOfTheTargetIsOffTrack() {
        assertThat(up("299", TARGET)).isEqualTo(IndicatorStatus.OFF_TRACK);
        assertThat(up("299", TARGET.plusMonths(3))).isEqualTo(IndicatorStatus.OFF_TRACK);
        assertThat(up("0", BASELINE)).isEqualTo(IndicatorStatus.ON_TRACK);
    }

    private static IndicatorStatus up(String value, LocalDate on) {
        return IndicatorStatus.of(true, BigDecimal.ZERO, BASELINE, new BigDecimal("300"), TARGET, on, new BigDecimal(value));
    }

    private static IndicatorStatus down(String value, LocalDate on) {
        return IndicatorStatus.of(false, new BigDecimal("300"), BASELINE, BigDecimal.ZERO, TARGET, on, new BigDecimal(value));
    }
}

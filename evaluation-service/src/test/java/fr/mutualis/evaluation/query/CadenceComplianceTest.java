package fr.mutualis.evaluation.query;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CadenceComplianceTest {

    @Test
    void aQuarterlyInstanceIsExpectedOnceInEveryEndedQuarter() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        var kept = CadenceCompliance.of("QUARTERLY", LocalDate.of(2025, 6, 1),
                List.of(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 5, 5), LocalDate.of(2026, 9, 30)), 2026, today).orElseThrow();
        assertThat(kept.sessionsExpected()).isEqualTo(3);
        assertThat(kept.sessionsHeld()).isEqualTo(3);
        assertThat(kept.kept()).isTrue();

        // Two sessions in one quarter do not make up for a missed one.
        var missed = CadenceCompliance.of("QUARTERLY", LocalDate.of(2025, 6, 1),
                List.of(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 3, 5), LocalDate.of(2026, 9, 30)), 2026, today).orElseThrow();
        assertThat(missed.sessionsHeld()).isEqualTo(3);
        assertThat(missed.periodsKept()).isEqualTo(2);
        assertThat(missed.kept()).isFalse();
    }

    @Test
    void periodsBeforeTheInstanceExistedAreNotExpected() {
        var monthly = CadenceCompliance.of("MONTHLY", LocalDate.of(2026, 9, 15), List.of(LocalDate.of(2026, 9, 20),
                LocalDate.of(2026, 10, 8)), 2026, LocalDate.of(2026, 11, 23)).orElseThrow();
        assertThat(monthly.sessionsExpected()).isEqualTo(2);
        assertThat(monthly.kept()).isTrue();
        var pastYear = CadenceCompliance.of("SEMIANNUAL", LocalDate.of(2020, 1, 1), List.of(), 2025, LocalDate.of(2026, 11, 23)).orElseThrow();
        assertThat(pastYear.sessionsExpected()).isEqualTo(2);
        assertThat(pastYear.kept()).isFalse();
        assertThat(CadenceCompliance.of("WEEKLY", LocalDate.of(2020, 1, 1), List.of(), 2025, LocalDate.of(2026, 1, 1))).isEmpty();
    }

    @Test
    void slippageIsTheDelayOfTheActualDateOrOfTodayWhenOverdue() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        assertThat(DashboardQueries.slippageDays(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 11), today)).isEqualTo(10);
        assertThat(DashboardQueries.slippageDays(LocalDate.of(2026, 11, 13), null, today)).isEqualTo(10);
        assertThat(DashboardQueries.slippageDays(LocalDate.of(2026, 12, 1), null, today)).isZero();
        assertThat(DashboardQueries.slippageDays(LocalDate.of(2026, 3, 11), LocalDate.of(2026, 3, 1), today)).isZero();
    }

    @Test
    void theLastFullPeriodIsTheOneBeforeTodaysPeriod() {
        assertThat(CadenceCompliance.lastFullPeriod("MONTHLY", LocalDate.of(2026, 3, 1)))
                .contains(new CadenceCompliance.Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
        assertThat(CadenceCompliance.lastFullPeriod("QUARTERLY", LocalDate.of(2026, 11, 23)))
                .contains(new CadenceCompliance.Period(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)));
        // Across the year: in January the last full quarter, half-year or year is the previous year's.
        assertThat(CadenceCompliance.lastFullPeriod("QUARTERLY", LocalDate.of(2026, 1, 1)))
                .contains(new CadenceCompliance.Period(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31)));
        assertThat(CadenceCompliance.lastFullPeriod("SEMIANNUAL", LocalDate.of(2026, 6, 30)))
                .contains(new CadenceCompliance.Period(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31)));
        assertThat(CadenceCompliance.lastFullPeriod("ANNUAL", LocalDate.of(2026, 12, 31)))
                .contains(new CadenceCompliance.Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
        assertThat(CadenceCompliance.lastFullPeriod("WEEKLY", LocalDate.of(2026, 1, 1))).isEmpty();
    }
}

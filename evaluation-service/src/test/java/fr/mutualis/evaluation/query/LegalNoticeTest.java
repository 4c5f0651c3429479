package fr.mutualis.evaluation.query;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Jours francs and the notice each owner owes, at their boundaries (CGCT L2121-11, L2121-12, L5211-1). */
class LegalNoticeTest {

    private static final LocalDate SEANCE = LocalDate.of(2026, 3, 12);

    @Test
    void neitherTheDayOfSendingNorTheDayOfTheSeanceCounts() {
        assertThat(LegalNotice.joursFrancs(LocalDate.of(2026, 3, 8), SEANCE)).isEqualTo(3);
        assertThat(LegalNotice.joursFrancs(LocalDate.of(2026, 3, 6), SEANCE)).isEqualTo(5);
        assertThat(LegalNotice.joursFrancs(LocalDate.of(2026, 3, 10), SEANCE)).isEqualTo(1);
        assertThat(LegalNotice.joursFrancs(LocalDate.of(2026, 3, 11), SEANCE)).isZero();
        assertThat(LegalNotice.joursFrancs(SEANCE, SEANCE)).isZero();
        // Across a month's end: 28 February to 4 March 2026 leaves 1, 2 and 3 March.
        assertThat(LegalNotice.joursFrancs(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 4))).isEqualTo(3);
    }

    @Test
    void aCommuneUnder3500InhabitantsOwesThreeJoursFrancsFrom3500Five() {
        assertThat(LegalNotice.required(true, 3_499, false)).isEqualTo(3);
        assertThat(LegalNotice.required(true, 3_500, false)).isEqualTo(5);
        assertThat(LegalNotice.required(true, 0, false)).isEqualTo(3);
    }

    @Test
    void everyEpciOwesFiveWhateverItsPopulation() {
        assertThat(LegalNotice.required(false, 2_000, false)).isEqualTo(5);
        assertThat(LegalNotice.required(false, 120_000, false)).isEqualTo(5);
    }

    @Test
    void inUrgencyOneJourFrancIsEnough() {
        assertThat(LegalNotice.required(true, 3_499, true)).isEqualTo(1);
        assertThat(LegalNotice.required(false, 120_000, true)).isEqualTo(1);
        // Sent on the 10th for the 12th: the 11th is the one jour franc, enough; sent on the 11th, none.
        assertThat(LegalNotice.joursFrancs(LocalDate.of(2026, 3, 10), SEANCE)).isGreaterThanOrEqualTo(LegalNotice.required(true, 0, true));
        assertThat(LegalNotice.joursFrancs(LocalDate.of(2026, 3, 11), SEANCE)).isLessThan(LegalNotice.required(true, 0, true));
    }

    @Test
    void convenedOnTheLastDayThatKeepsTheNotice() {
        // A commune of 3,499 convening for the 12th: the 8th still leaves 3 jours francs, the 9th only 2.
        assertThat(LegalNotice.joursFrancs(LocalDate.of(2026, 3, 8), SEANCE)).isGreaterThanOrEqualTo(LegalNotice.required(true, 3_499, false));
        assertThat(LegalNotice.joursFrancs(LocalDate.of(2026, 3, 9), SEANCE)).isLessThan(LegalNotice.required(true, 3_499, false));
        // From 3,500 (and in an EPCI) the 6th is the last day, the 7th too late.
        assertThat(LegalNotice.joursFrancs(LocalDate.of(2026, 3, 6), SEANCE)).isGreaterThanOrEqualTo(LegalNotice.required(true, 3_500, false));
        assertThat(LegalNotice.joursFrancs(LocalDate.of(2026, 3, 7), SEANCE)).isLessThan(LegalNotice.required(false, 3_500, false));
    }
}

package fr.mutualis.console.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN.md §8: amounts as 1 234 567,89 € (Locale.FRANCE), dates as 31/03/2026, typed amounts in any French form. */
class FrenchFormatsTest {

    private final FrenchFormats fr = new FrenchFormats();

    @Test
    void centsAreShownAsEurosTheFrenchWay() {
        assertThat(fr.money(123456789L)).isEqualTo("1\u202F234\u202F567,89\u00A0€");
        assertThat(fr.money(0)).isEqualTo("0,00\u00A0€");
        assertThat(fr.money(null)).isEmpty();
    }

    @Test
    void datesAndInstantsAreShownTheFrenchWayInParis() {
        assertThat(fr.date("2026-03-31")).isEqualTo("31/03/2026");
        assertThat(fr.dateTime("2026-03-16T17:00:00Z")).isEqualTo("16/03/2026 à 18h00");
        assertThat(fr.dateTime("2026-07-01T18:00:00+02:00")).isEqualTo("01/07/2026 à 18h00");
        assertThat(fr.date(null)).isEmpty();
    }

    /** An alert's "depuis le …" is the day in Paris: the evening of 30 March in UTC is already the 31st there. */
    @Test
    void theDayOfAnInstantIsTheDayInParis() {
        assertThat(fr.day("2026-03-30T22:00:00Z")).isEqualTo("31/03/2026");
        assertThat(fr.day("2026-03-30T21:59:59Z")).isEqualTo("30/03/2026");
        assertThat(fr.day("2026-07-01T00:30:00+02:00")).isEqualTo("01/07/2026");
        assertThat(fr.day(null)).isEmpty();
    }

    @Test
    void typedEurosAcceptEveryFrenchSpacingAndAComma() {
        assertThat(FrenchFormats.parseEuros("1 234 567,89")).contains(123456789L);
        assertThat(FrenchFormats.parseEuros("1\u00A0234\u202F567,89 €")).contains(123456789L);
        assertThat(FrenchFormats.parseEuros("12500")).contains(1250000L);
        assertThat(FrenchFormats.parseEuros("12.5")).contains(1250L);
    }

    @Test
    void whatIsNotAnAmountIsLeftForTheApiToRefuse() {
        assertThat(FrenchFormats.parseEuros("beaucoup")).isEmpty();
        assertThat(FrenchFormats.parseEuros("1,234")).isEmpty();
        assertThat(FrenchFormats.parseEuros(" ")).isEmpty();
    }
}

package fr.mutualis.kit.time;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The range is 1900-01-01 to 2200-12-31 for every date type; a read model stores the nearest bound beyond it. */
class PlausibleDatesTest {

    @Test
    void datesWithinTheRangeIncludingItsBoundsPass() {
        assertThat(PlausibleDates.problem(LocalDate.of(1900, 1, 1))).isEmpty();
        assertThat(PlausibleDates.problem(LocalDate.of(2200, 12, 31))).isEmpty();
        assertThat(PlausibleDates.problem(OffsetDateTime.of(2026, 3, 16, 18, 0, 0, 0, ZoneOffset.ofHours(1)))).isEmpty();
        assertThat(PlausibleDates.problem(Instant.parse("2200-12-31T23:59:59Z"))).isEmpty();
        assertThat(PlausibleDates.problem(YearMonth.of(2026, 11))).isEmpty();
        assertThat(PlausibleDates.problem(Year.of(1900))).isEmpty();
        assertThat(PlausibleDates.problem("-999999999-01-01")).as("not a date").isEmpty();
        assertThat(PlausibleDates.problem(null)).isEmpty();
    }

    @Test
    void everyDateTypeBeyondTheRangeIsRefused() {
        for (Object date : new Object[]{LocalDate.MIN, LocalDate.MAX, LocalDate.of(1899, 12, 31), LocalDate.of(2201, 1, 1),
                LocalDateTime.MIN, OffsetDateTime.MAX, OffsetDateTime.of(-4800, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                Instant.MIN, Instant.parse("2201-01-01T00:00:00Z"), Instant.parse("1899-12-31T23:59:59Z"),
                YearMonth.of(1899, 12), Year.of(2201)}) {
            assertThat(PlausibleDates.problem(date)).as(date.toString())
                    .hasValue("must be between 1900-01-01 and 2200-12-31");
        }
    }

    @Test
    void aReadModelStoresTheNearestBoundOfADateBeyondTheRange() {
        assertThat(PlausibleDates.stored(LocalDate.MIN)).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(PlausibleDates.stored(LocalDate.MAX)).isEqualTo(LocalDate.of(2200, 12, 31));
        assertThat(PlausibleDates.stored(LocalDate.of(2026, 6, 30))).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(PlausibleDates.stored((LocalDate) null)).isNull();
        assertThat(PlausibleDates.stored(Instant.MIN)).isEqualTo(Instant.parse("1900-01-01T12:00:00Z"));
        assertThat(PlausibleDates.stored(Instant.MAX)).isEqualTo(Instant.parse("2200-12-31T12:00:00Z"));
        assertThat(PlausibleDates.stored(Instant.parse("2200-12-31T23:00:00Z"))).isEqualTo(Instant.parse("2200-12-31T23:00:00Z"));
        assertThat(PlausibleDates.stored(Instant.parse("2026-03-16T17:00:00Z"))).isEqualTo(Instant.parse("2026-03-16T17:00:00Z"));
    }
}

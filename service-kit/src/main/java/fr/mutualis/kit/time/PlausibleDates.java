package fr.mutualis.kit.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Dates a collectivité can mean: from {@value #FIRST_YEAR}-01-01 to {@value #LAST_YEAR}-12-31. Java accepts years
 * up to ±999,999,999, PostgreSQL only from 4713 BC to 5874897 and stores {@link LocalDate#MIN} as -infinity, on
 * which date arithmetic fails: such a date, accepted once, broke every read that included it. Fiscal and roadmap
 * years ({@code @Min(2000) @Max(2100)}) lie within this range.
 * <p>
 * Writes refuse a date outside it ({@link #problem}); read models store a value an older event carries outside it
 * as the nearest bound ({@link #stored}), so that a projection and its queries never fail on it.
 */
public final class PlausibleDates {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;
    public static final LocalDate FIRST_DAY = LocalDate.of(FIRST_YEAR, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(LAST_YEAR, 12, 31);
    private static final Instant FIRST_INSTANT = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant LAST_INSTANT = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
    private static final Instant FIRST_NOON = FIRST_DAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
    private static final Instant LAST_NOON = LAST_DAY.atTime(12, 0).toInstant(ZoneOffset.UTC);

    /** Why {@code value} is refused when it is a date or time outside the range; empty for anything else. */
    public static Optional<String> problem(Object value) {
        boolean outside = switch (value) {
            case LocalDate date -> outside(date.getYear());
            case LocalDateTime dateTime -> outside(dateTime.getYear());
            case OffsetDateTime dateTime -> outside(dateTime.getYear());
            case ZonedDateTime dateTime -> outside(dateTime.getYear());
            case Instant instant -> instant.isBefore(FIRST_INSTANT) || instant.isAfter(LAST_INSTANT);
            case YearMonth month -> outside(month.getYear());
            case Year year -> outside(year.getValue());
            case null, default -> false;
        };
        return outside ? Optional.of("must be between " + FIRST_DAY + " and " + LAST_DAY) : Optional.empty();
    }

    private static boolean outside(int year) {
        return year < FIRST_YEAR || year > LAST_YEAR;
    }

    /** {@code date} as a read model stores it: within the range, the nearest bound beyond it; null stays null. */
    public static LocalDate stored(LocalDate date) {
        if (date == null) {
            return null;
        }
        return date.isBefore(FIRST_DAY) ? FIRST_DAY : date.isAfter(LAST_DAY) ? LAST_DAY : date;
    }

    /**
     * {@code instant} as a read model stores it, as {@link #stored(LocalDate)} does for a date: beyond the range, noon
     * UTC of the bound's day, whose local date is that day in France (and wherever the offset is within ±12 h).
     */
    public static Instant stored(Instant instant) {
        if (instant == null) {
            return null;
        }
        return instant.isBefore(FIRST_INSTANT) ? FIRST_NOON : instant.isAfter(LAST_INSTANT) ? LAST_NOON : instant;
    }

    private PlausibleDates() {
    }
}

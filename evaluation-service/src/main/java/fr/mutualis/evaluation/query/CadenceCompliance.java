package fr.mutualis.evaluation.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Whether a governance instance kept its cadence in a year: the year splits into periods of the cadence (12 months,
 * 4 quarters, 2 half-years or the whole year); a period is due once it has ended, if the instance existed by its
 * end; it is kept when at least one session was held in it. Several sessions in one period do not make up for a
 * missed one.
 *
 * @param sessionsHeld     sessions held in the year
 * @param sessionsExpected periods due in the year, i.e. sessions the cadence asked for so far
 * @param periodsKept      due periods with at least one session
 */
public record CadenceCompliance(int sessionsHeld, int sessionsExpected, int periodsKept) {

    public boolean kept() {
        return periodsKept == sessionsExpected;
    }

    /** A period of a cadence, both days included. */
    public record Period(LocalDate start, LocalDate end) {
    }

    /** The last period of the cadence that ended before {@code today} (periods start on 1 January). */
    public static Optional<Period> lastFullPeriod(String cadence, LocalDate today) {
        Integer months = months(cadence);
        if (months == null) {
            return Optional.empty();
        }
        int monthIndex = today.getMonthValue() - 1;
        LocalDate current = LocalDate.of(today.getYear(), 1, 1).plusMonths(monthIndex - monthIndex % months);
        return Optional.of(new Period(current.minusMonths(months), current.minusDays(1)));
    }

    private static Integer months(String cadence) {
        return switch (cadence) {
            case "MONTHLY" -> 1;
            case "QUARTERLY" -> 3;
            case "SEMIANNUAL" -> 6;
            case "ANNUAL" -> 12;
            default -> null;
        };
    }

    public static Optional<CadenceCompliance> of(String cadence, LocalDate createdOn, List<LocalDate> sessions, int year,
                                                 LocalDate today) {
        Integer months = months(cadence);
        if (months == null) {
            return Optional.empty();
        }
        int held = (int) sessions.stream().filter(date -> date.getYear() == year).count();
        int expected = 0;
        int kept = 0;
        for (LocalDate start = LocalDate.of(year, 1, 1); start.getYear() == year; start = start.plusMonths(months)) {
            LocalDate end = start.plusMonths(months).minusDays(1);
            if (!end.isBefore(today) || end.isBefore(createdOn)) {
                continue;
            }
            expected++;
            LocalDate from = start;
            if (sessions.stream().anyMatch(date -> !date.isBefore(from) && !date.isAfter(end))) {
                kept++;
            }
        }
        return Optional.of(new CadenceCompliance(held, expected, kept));
    }
}

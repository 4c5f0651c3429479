package fr.mutualis.reporting.report;

import java.time.LocalDate;

/**
 * A quarter of a fiscal year. A collectivité's fiscal year is the calendar year (M57), so quarter {@code q} of
 * fiscal year {@code y} runs from {@link #from()} to {@link #asOf()}, both inclusive.
 */
public record Period(int fiscalYear, int quarter) {

    public Period {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter " + quarter);
        }
    }

    public LocalDate from() {
        return LocalDate.of(fiscalYear, (quarter - 1) * 3 + 1, 1);
    }

    /** The last day of the quarter: stock figures (credits, statuses, indicators) are those of the end of this day. */
    public LocalDate asOf() {
        return from().plusMonths(3).minusDays(1);
    }

    public boolean contains(LocalDate date) {
        return date != null && !date.isBefore(from()) && !date.isAfter(asOf());
    }

    /** The record key on {@code mutualis.reporting.territory}: {@code <owner>/<fiscalYear>/Q<quarter>}. */
    public String key(String owner) {
        return owner + "/" + fiscalYear + "/Q" + quarter;
    }
}

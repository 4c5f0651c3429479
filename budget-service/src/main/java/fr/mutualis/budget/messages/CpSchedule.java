package fr.mutualis.budget.messages;

import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.InvalidInputException;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A programme's CP schedule: one amount per year. The rules of DOMAIN.md §3 that depend only on the schedule live
 * here: it sums exactly to the AP amount, and it covers what was already mandated in each year.
 */
public record CpSchedule(List<ScheduledCredit> credits) {

    /** Sorted by year; a year appears once, with a non-negative amount. */
    public CpSchedule {
        TreeMap<Integer, Long> byYear = new TreeMap<>();
        for (ScheduledCredit credit : credits) {
            if (credit.amountCents() < 0) {
                throw new InvalidInputException("schedule", "CP of " + credit.year() + " is negative", "cp-negative",
                        Map.of("year", credit.year()));
            }
            if (byYear.put(credit.year(), credit.amountCents()) != null) {
                throw new InvalidInputException("schedule", "Year " + credit.year() + " appears twice in the schedule",
                        "year-twice", Map.of("year", credit.year()));
            }
        }
        credits = credits.stream().sorted(Comparator.comparingInt(ScheduledCredit::year)).toList();
    }

    public long total() {
        return credits.stream().mapToLong(ScheduledCredit::amountCents).sum();
    }

    public long cp(int year) {
        return credits.stream().filter(credit -> credit.year() == year).mapToLong(ScheduledCredit::amountCents).sum();
    }

    /** The AP amount is spread exactly: nothing unscheduled, nothing scheduled beyond it. */
    public void requireSumsTo(long amountCents) {
        long total = total();
        if (total != amountCents) {
            throw new BusinessRuleViolationException("schedule-sum",
                    "The CP schedule sums to " + total + " cents but the programme amount is " + amountCents + " cents",
                    Map.of("amountCents", amountCents, "scheduleTotalCents", total, "differenceCents", amountCents - total));
        }
    }

    /** No year's CP may drop below what was already mandated in that year. */
    public void requireCovers(Map<Integer, Long> mandatedByYear) {
        new TreeMap<>(mandatedByYear).forEach((year, mandated) -> {
            long cp = cp(year);
            if (cp < mandated) {
                throw new BusinessRuleViolationException("cp-below-mandated",
                        "The CP of " + year + " cannot be " + cp + " cents: " + mandated + " cents were already mandated in " + year,
                        Map.of("year", year, "cpCents", cp, "mandatedCents", mandated));
            }
        });
    }
}

package fr.mutualis.portfolio.query;

import fr.mutualis.kit.money.LargestRemainder;
import fr.mutualis.portfolio.messages.BudgetSection;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The arithmetic of a what-if scenario (DOMAIN §10), pure: given the projects it keeps, the roadmap's years and axes,
 * the envelopes entered and the budget's open credits, it spreads each project's costs over its years and compares
 * each year and section's total with its envelope. Integer cents throughout, every spread exact.
 */
public final class ScenarioCalculator {

    /** Why a project's investment is spread the way it is. */
    public enum Spread { EVEN, CP_SCHEDULE }

    /**
     * A kept project as the read models know it. {@code cpSchedule}: the CP per year of the programmes (AP) financing
     * its investment, empty without one. {@code priority} null until assessed.
     */
    public record KeptProject(UUID id, String title, String axis, String status, boolean alwaysIncluded,
                              BigDecimal priority, LocalDate plannedStart, LocalDate plannedEnd, long investmentCents,
                              long operatingCents, SortedMap<Integer, Long> cpSchedule) {
    }

    /** A year and a section, the cell of the comparison. */
    public record Cell(int year, BudgetSection section) {
    }

    /**
     * @param entered the envelopes entered in the scenario
     * @param credits the budget's open credits of the roadmap's owner (a cell absent has none)
     */
    public static Figures compute(int startYear, int endYear, List<String> roadmapAxes, List<KeptProject> kept,
                                  Map<Cell, Long> entered, Map<Cell, Long> credits) {
        List<ScenarioView.ProjectFigures> projects = new ArrayList<>();
        Map<Cell, Long> totals = new TreeMap<>(Comparator.comparingInt(Cell::year).thenComparing(Cell::section));
        BigDecimal priorityKept = BigDecimal.ZERO;
        TreeSet<String> covered = new TreeSet<>();
        for (KeptProject project : kept) {
            int from = Math.max(startYear, project.plannedStart().getYear());
            int to = Math.min(endYear, project.plannedEnd().getYear());
            SortedMap<Integer, Long> inRoadmap = new TreeMap<>(project.cpSchedule().subMap(startYear, endYear + 1));
            boolean byCp = project.investmentCents() > 0
                    && inRoadmap.values().stream().mapToLong(Long::longValue).sum() > 0;
            SortedMap<Integer, Long> investment = byCp ? spreadByCp(project.investmentCents(), inRoadmap)
                    : spreadEvenly(project.investmentCents(), from, to);
            SortedMap<Integer, Long> operating = spreadEvenly(project.operatingCents(), from, to);
            TreeSet<Integer> years = new TreeSet<>(investment.keySet());
            years.addAll(operating.keySet());
            List<ScenarioView.YearAmounts> yearly = new ArrayList<>();
            for (int year : years) {
                long invested = investment.getOrDefault(year, 0L);
                long operated = operating.getOrDefault(year, 0L);
                yearly.add(new ScenarioView.YearAmounts(year, invested, operated));
                totals.merge(new Cell(year, BudgetSection.INVESTMENT), invested, Long::sum);
                totals.merge(new Cell(year, BudgetSection.OPERATING), operated, Long::sum);
            }
            projects.add(new ScenarioView.ProjectFigures(project.id(), project.title(), project.axis(), project.status(),
                    project.alwaysIncluded(), project.priority(), byCp ? Spread.CP_SCHEDULE : Spread.EVEN, yearly));
            if (project.priority() != null) {
                priorityKept = priorityKept.add(project.priority());
            }
            covered.add(project.axis());
        }
        List<ScenarioView.Comparison> comparisons = new ArrayList<>();
        for (int year = startYear; year <= endYear; year++) {
            for (BudgetSection section : BudgetSection.values()) {
                Cell cell = new Cell(year, section);
                long total = totals.getOrDefault(cell, 0L);
                boolean isEntered = entered.containsKey(cell);
                long envelope = isEntered ? entered.get(cell) : credits.getOrDefault(cell, 0L);
                long gap = envelope - total;
                comparisons.add(new ScenarioView.Comparison(year, section.name(), total, envelope, isEntered, gap,
                        gap >= 0));
            }
        }
        List<String> notCovered = roadmapAxes.stream().filter(axis -> !covered.contains(axis)).sorted().toList();
        return new Figures(comparisons, priorityKept, List.copyOf(covered), notCovered, projects);
    }

    /** What {@link #compute} answers, ready to be put in a {@link ScenarioView}. */
    public record Figures(List<ScenarioView.Comparison> comparisons, BigDecimal priorityKept, List<String> axesCovered,
                          List<String> axesNotCovered, List<ScenarioView.ProjectFigures> projects) {
    }

    /**
     * {@code costCents} over the years {@code from} to {@code to}, evenly: parts differ by at most one cent, the extra
     * cents to the earliest years, the sum exact. No year ({@code from > to}: the project is planned wholly outside
     * the roadmap's years) gives no part.
     */
    public static SortedMap<Integer, Long> spreadEvenly(long costCents, int from, int to) {
        if (from > to) {
            return Collections.emptySortedMap();
        }
        SortedMap<Integer, BigInteger> weights = new TreeMap<>();
        for (int year = from; year <= to; year++) {
            weights.put(year, BigInteger.ONE);
        }
        return new TreeMap<>(LargestRemainder.split(costCents, weights));
    }

    /** {@code costCents} pro rata a CP schedule (not all zero), largest remainders first, ties to the earliest year. */
    public static SortedMap<Integer, Long> spreadByCp(long costCents, SortedMap<Integer, Long> schedule) {
        SortedMap<Integer, BigInteger> weights = new TreeMap<>();
        schedule.forEach((year, cents) -> weights.put(year, BigInteger.valueOf(cents)));
        return new TreeMap<>(LargestRemainder.split(costCents, weights));
    }

    private ScenarioCalculator() {
    }
}

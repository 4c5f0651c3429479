package fr.mutualis.portfolio.query;

import fr.mutualis.portfolio.messages.BudgetSection;
import fr.mutualis.portfolio.query.ScenarioCalculator.Cell;
import fr.mutualis.portfolio.query.ScenarioCalculator.KeptProject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic of a what-if scenario, on any projects, envelopes and credits. */
class ScenarioCalculatorProperties {

    private static final int START = 2026;
    private static final int END = 2029;
    private static final List<String> AXES = List.of("DEMATERIALISATION", "E_INCLUSION", "OPEN_DATA", "SMART_CITY");

    @Property
    void anEvenSpreadSumsExactlyToTheCostAndItsYearsDifferByOneCentAtMost(
            @ForAll @LongRange(max = 1_000_000_000_000L) long cost, @ForAll @IntRange(min = 2000, max = 2100) int from,
            @ForAll @IntRange(min = 0, max = 5) int extraYears) {
        SortedMap<Integer, Long> spread = ScenarioCalculator.spreadEvenly(cost, from, from + extraYears);
        assertThat(spread.keySet()).hasSize(extraYears + 1).first().isEqualTo(from);
        assertThat(spread.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(cost);
        long max = spread.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long min = spread.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1);
        // The extra cents go to the earliest years: the parts never grow with the years.
        List<Long> parts = List.copyOf(spread.values());
        for (int i = 1; i < parts.size(); i++) {
            assertThat(parts.get(i)).isLessThanOrEqualTo(parts.get(i - 1));
        }
    }

    @Property
    void aCpProportionalSpreadSumsExactlyToTheCostAndFollowsTheSchedule(
            @ForAll @LongRange(max = 1_000_000_000_000L) long cost,
            @ForAll @Size(min = 1, max = 6) List<@LongRange(max = 1_000_000_000_000L) Long> cp) {
        SortedMap<Integer, Long> schedule = new TreeMap<>();
        for (int i = 0; i < cp.size(); i++) {
            schedule.put(START + i, cp.get(i));
        }
        schedule.put(START, schedule.get(START) + 1);
        SortedMap<Integer, Long> spread = ScenarioCalculator.spreadByCp(cost, schedule);
        assertThat(spread.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(cost);
        long total = schedule.values().stream().mapToLong(Long::longValue).sum();
        schedule.forEach((year, credits) -> {
            // Each year gets its exact share, rounded down or up by less than a cent.
            double exact = (double) cost * credits / total;
            assertThat((double) spread.get(year)).isBetween(Math.floor(exact) - 1, Math.ceil(exact) + 1);
            if (credits == 0) {
                assertThat(spread.get(year)).isZero();
            }
        });
    }

    @Property
    void totalsGapsPriorityAndAxesAddUp(@ForAll("projects") List<KeptProject> kept,
                                        @ForAll("cells") Map<Cell, Long> entered, @ForAll("cells") Map<Cell, Long> credits) {
        ScenarioCalculator.Figures figures = ScenarioCalculator.compute(START, END, AXES, kept, entered, credits);

        assertThat(figures.comparisons()).hasSize((END - START + 1) * 2);
        for (ScenarioView.Comparison line : figures.comparisons()) {
            BudgetSection section = BudgetSection.valueOf(line.section());
            long sumOfProjects = figures.projects().stream().flatMap(project -> project.years().stream())
                    .filter(year -> year.year() == line.year())
                    .mapToLong(year -> section == BudgetSection.INVESTMENT ? year.investmentCents() : year.operatingCents())
                    .sum();
            assertThat(line.totalCents()).isEqualTo(sumOfProjects);
            Cell cell = new Cell(line.year(), section);
            long envelope = entered.containsKey(cell) ? entered.get(cell) : credits.getOrDefault(cell, 0L);
            assertThat(line.envelopeEntered()).isEqualTo(entered.containsKey(cell));
            assertThat(line.envelopeCents()).isEqualTo(envelope);
            assertThat(line.gapCents()).isEqualTo(line.envelopeCents() - line.totalCents());
            assertThat(line.fits()).isEqualTo(line.gapCents() >= 0);
        }
        assertThat(figures.priorityKept()).isEqualByComparingTo(kept.stream().map(KeptProject::priority)
                .filter(priority -> priority != null).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(figures.axesCovered()).containsExactlyElementsOf(kept.stream().map(KeptProject::axis).distinct().sorted().toList());
        assertThat(figures.axesNotCovered()).noneMatch(figures.axesCovered()::contains);
        assertThat(figures.axesCovered().size() + figures.axesNotCovered().size()).isEqualTo(AXES.size());

        // Every project overlapping the roadmap counts its whole cost in the roadmap's years.
        for (int i = 0; i < kept.size(); i++) {
            KeptProject project = kept.get(i);
            ScenarioView.ProjectFigures figured = figures.projects().get(i);
            boolean overlaps = project.plannedStart().getYear() <= END && project.plannedEnd().getYear() >= START;
            long invested = figured.years().stream().mapToLong(ScenarioView.YearAmounts::investmentCents).sum();
            long operated = figured.years().stream().mapToLong(ScenarioView.YearAmounts::operatingCents).sum();
            boolean byCp = figured.investmentSpread() == ScenarioCalculator.Spread.CP_SCHEDULE;
            assertThat(invested).isEqualTo(overlaps || byCp ? project.investmentCents() : 0);
            assertThat(operated).isEqualTo(overlaps ? project.operatingCents() : 0);
            assertThat(figured.years()).allSatisfy(year -> assertThat(year.year()).isBetween(START, END));
        }
    }

    @Example
    void aProjectSpreadsEvenlyOverItsPlannedYearsClippedToTheRoadmapsOrByItsCpSchedule() {
        KeptProject even = project(LocalDate.of(2025, 9, 1), LocalDate.of(2027, 6, 30), 1_000_001, 300,
                new TreeMap<>(), "OPEN_DATA", new BigDecimal("36.7"));
        KeptProject byCp = project(LocalDate.of(2026, 1, 1), LocalDate.of(2029, 12, 31), 1_000, 0,
                new TreeMap<>(Map.of(2025, 500L, 2026, 100L, 2027, 300L)), "OPEN_DATA", null);
        ScenarioCalculator.Figures figures = ScenarioCalculator.compute(START, END, AXES, List.of(even, byCp),
                Map.of(new Cell(2026, BudgetSection.INVESTMENT), 700_000L), Map.of(new Cell(2027, BudgetSection.INVESTMENT), 2_000_000L));
        assertThat(figures.projects().get(0).years()).containsExactly(
                new ScenarioView.YearAmounts(2026, 500_001, 150), new ScenarioView.YearAmounts(2027, 500_000, 150));
        // 2025 is before the roadmap: the CP of 2026 and 2027 (1 to 3) share the whole investment.
        assertThat(figures.projects().get(1).years()).containsExactly(
                new ScenarioView.YearAmounts(2026, 250, 0), new ScenarioView.YearAmounts(2027, 750, 0),
                new ScenarioView.YearAmounts(2028, 0, 0), new ScenarioView.YearAmounts(2029, 0, 0));
        assertThat(figures.comparisons().getFirst()).isEqualTo(
                new ScenarioView.Comparison(2026, "INVESTMENT", 500_251, 700_000, true, 199_749, true));
        assertThat(figures.comparisons().get(2)).isEqualTo(
                new ScenarioView.Comparison(2027, "INVESTMENT", 500_750, 2_000_000, false, 1_499_250, true));
        assertThat(figures.comparisons().get(1)).isEqualTo(
                new ScenarioView.Comparison(2026, "OPERATING", 150, 0, false, -150, false));
        assertThat(figures.priorityKept()).isEqualByComparingTo("36.7");
        assertThat(figures.axesNotCovered()).containsExactly("DEMATERIALISATION", "E_INCLUSION", "SMART_CITY");
    }

    @Provide
    Arbitrary<List<KeptProject>> projects() {
        Arbitrary<LocalDate> starts = Arbitraries.integers().between(2022, 2032)
                .map(year -> LocalDate.of(year, 1, 1));
        Arbitrary<SortedMap<Integer, Long>> schedules = Arbitraries.maps(Arbitraries.integers().between(2022, 2032),
                Arbitraries.longs().between(0, 100_000_000L)).ofMaxSize(5).map(TreeMap::new);
        return Combinators.combine(starts, Arbitraries.integers().between(0, 4),
                        Arbitraries.longs().between(0, 1_000_000_000L), Arbitraries.longs().between(0, 1_000_000_000L),
                        schedules, Arbitraries.of(AXES), Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal(100))
                                .ofScale(1).injectNull(0.2))
                .as((start, years, investment, operating, schedule, axis, priority) -> project(start,
                        start.plusYears(years).withDayOfYear(200), investment, operating, schedule, axis, priority))
                .list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Map<Cell, Long>> cells() {
        return Arbitraries.maps(Combinators.combine(Arbitraries.integers().between(START, END),
                        Arbitraries.of(BudgetSection.class)).as(Cell::new),
                Arbitraries.longs().between(0, 10_000_000_000L)).ofMaxSize(8).map(HashMap::new);
    }

    private static KeptProject project(LocalDate start, LocalDate end, long investment, long operating,
                                       SortedMap<Integer, Long> schedule, String axis, BigDecimal priority) {
        return new KeptProject(UUID.randomUUID(), "Projet", axis, "ASSESSED", false, priority, start, end, investment,
                operating, schedule);
    }
}

package fr.mutualis.reporting.report;

import fr.mutualis.contracts.Sirens;
import fr.mutualis.contracts.evaluation.IndicatorStatus;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Computes an owner's reports from its facts. A fact counts in a quarter according to its date: the business date
 * the event carries (an engagement's or a mandate's date, a status's effective date, a séance's, a decision's, a
 * measurement's, a milestone's) or else the day it was recorded (votes and transfers of credits, a line's opening,
 * an indicator's definition, a barometer change). Budget figures belong to the line's fiscal year; every other
 * figure to the calendar year of its date.
 */
public final class TerritoryReports {

    private static final Map<String, Integer> CADENCE_MONTHS = Map.of("MONTHLY", 1, "QUARTERLY", 3,
            "SEMIANNUAL", 6, "ANNUAL", 12);

    /** Every quarter of every fiscal year the owner has a fact in. */
    public static List<TerritoryReport> all(OwnerFacts facts) {
        return years(facts).stream()
                .flatMap(year -> IntStream.rangeClosed(1, 4).mapToObj(quarter -> new Period(year, quarter)))
                .map(period -> of(facts, period))
                .toList();
    }

    public static TerritoryReport of(OwnerFacts facts, Period period) {
        boolean mutualisation = !Sirens.isValid(facts.owner());
        return new TerritoryReport(facts.owner(), mutualisation ? "MUTUALISATION" : "COLLECTIVITE", facts.name(),
                List.copyOf(facts.members()), period.fiscalYear(), period.quarter(), period.from(), period.asOf(),
                budget(facts, period), portfolio(facts, period), governance(facts, period),
                evaluation(facts, period, mutualisation));
    }

    static SortedSet<Integer> years(OwnerFacts facts) {
        SortedSet<Integer> years = new TreeSet<>();
        facts.lines().values().forEach(line -> years.add(line.fiscalYear()));
        Stream.of(
                        facts.projects().values().stream().flatMap(project -> project.statuses().values().stream()
                                .map(OwnerFacts.Status::date)),
                        facts.milestones().values().stream().flatMap(m -> Stream.of(m.plannedDate(), m.actualDate())),
                        facts.sessions().values().stream().map(OwnerFacts.Session::heldOn),
                        facts.decisions().values().stream().map(OwnerFacts.Decision::decidedOn),
                        facts.indicators().values().stream().flatMap(indicator -> indicator.measurements().values()
                                .stream().map(OwnerFacts.Measure::date)))
                .flatMap(Function.identity())
                .filter(Objects::nonNull)
                .forEach(date -> years.add(date.getYear()));
        return years;
    }

    private static TerritoryReport.Budget budget(OwnerFacts facts, Period period) {
        LocalDate asOf = period.asOf();
        Map<String, long[]> sections = new TreeMap<>();
        Map<String, long[]> axes = new TreeMap<>();
        facts.lines().values().stream()
                .filter(line -> line.fiscalYear() == period.fiscalYear() && line.section() != null)
                .filter(line -> onOrBefore(earliest(line.openedOn(), line.credits().values().stream()
                        .map(OwnerFacts.Amount::date)), asOf))
                .forEach(line -> {
                    long voted = line.credits().entrySet().stream()
                            .filter(credit -> onOrBefore(credit.getValue().date(), asOf))
                            .max(Map.Entry.comparingByKey())
                            .map(credit -> credit.getValue().cents()).orElse(0L);
                    long[] figures = {line.plannedCents(), voted, sum(line.engagements(), asOf),
                            sum(line.mandates(), asOf)};
                    add(sections.computeIfAbsent(line.section(), section -> new long[4]), figures);
                    axis(facts, line).ifPresent(axis -> add(axes.computeIfAbsent(axis, key -> new long[4]), figures));
                });
        return new TerritoryReport.Budget(section(sections.get("INVESTMENT")), section(sections.get("OPERATING")),
                axes.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> section(e.getValue()),
                        (a, b) -> a, TreeMap::new)));
    }

    /** The axis of the project the line is attached to, directly or through its programme (AP). */
    private static Optional<String> axis(OwnerFacts facts, OwnerFacts.Line line) {
        UUID projectId = line.projectId() != null ? line.projectId()
                : line.programmeId() == null ? null : facts.programmeProjects().get(line.programmeId());
        return Optional.ofNullable(projectId).map(facts.projects()::get).map(OwnerFacts.Project::axis);
    }

    private static TerritoryReport.Portfolio portfolio(OwnerFacts facts, Period period) {
        LocalDate asOf = period.asOf();
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byAxis = new TreeMap<>();
        facts.projects().values().forEach(project -> {
            List<OwnerFacts.Status> known = project.statuses().values().stream()
                    .filter(status -> onOrBefore(status.date(), asOf)).toList();
            LocalDate since = earliest(project.proposedOn(), project.statuses().values().stream()
                    .map(OwnerFacts.Status::date));
            if (project.axis() == null || !onOrBefore(since, asOf)) {
                return;
            }
            String status = project.statuses().entrySet().stream()
                    .filter(entry -> known.contains(entry.getValue()))
                    .max(Map.Entry.comparingByKey())
                    .map(entry -> entry.getValue().status()).orElse("PROPOSED");
            byStatus.merge(status, 1L, Long::sum);
            byAxis.merge(project.axis(), 1L, Long::sum);
        });
        long reached = facts.milestones().values().stream().filter(m -> period.contains(m.actualDate())).count();
        long late = facts.milestones().values().stream()
                .filter(m -> m.plannedDate() != null && m.plannedDate().getYear() == period.fiscalYear())
                .filter(m -> m.actualDate() != null && onOrBefore(m.actualDate(), asOf)
                        ? m.actualDate().isAfter(m.plannedDate())
                        : m.plannedDate().isBefore(asOf))
                .count();
        return new TerritoryReport.Portfolio(byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus,
                byAxis, reached, late);
    }

    private static TerritoryReport.Governance governance(OwnerFacts facts, Period period) {
        long held = facts.sessions().values().stream().filter(session -> period.contains(session.heldOn())).count();
        Map<String, Map<String, Long>> decisions = facts.decisions().values().stream()
                .filter(decision -> period.contains(decision.decidedOn()))
                .collect(Collectors.groupingBy(decision -> Objects.requireNonNullElse(decision.kind(), "OTHER"),
                        TreeMap::new, Collectors.groupingBy(
                                decision -> Objects.requireNonNullElse(decision.outcome(), "UNKNOWN"),
                                TreeMap::new, Collectors.counting())));
        long due = 0;
        long kept = 0;
        for (Map.Entry<UUID, OwnerFacts.Instance> entry : facts.instances().entrySet()) {
            List<LocalDate> sessions = facts.sessions().values().stream()
                    .filter(session -> entry.getKey().equals(session.instanceId()))
                    .map(OwnerFacts.Session::heldOn).filter(Objects::nonNull).toList();
            Optional<Boolean> keeps = cadenceKept(entry.getValue(), sessions, period);
            if (keeps.isPresent()) {
                due++;
                kept += keeps.get() ? 1 : 0;
            }
        }
        return new TerritoryReport.Governance(held, decisions, due, kept);
    }

    /**
     * Whether the instance held a séance in every cadence period ending within the quarter since it exists (since
     * its creation or its first séance, whichever is earlier); empty when no such period ends in the quarter.
     */
    static Optional<Boolean> cadenceKept(OwnerFacts.Instance instance, List<LocalDate> sessions, Period period) {
        Integer months = CADENCE_MONTHS.get(instance.cadence());
        LocalDate since = earliest(instance.createdOn(), sessions.stream());
        if (months == null || since == null) {
            return Optional.empty();
        }
        boolean any = false;
        boolean kept = true;
        for (LocalDate start = LocalDate.of(period.fiscalYear(), 1, 1); !start.isAfter(period.asOf());
             start = start.plusMonths(months)) {
            LocalDate end = start.plusMonths(months).minusDays(1);
            if (!period.contains(end) || end.isBefore(since)) {
                continue;
            }
            any = true;
            LocalDate first = start;
            kept &= sessions.stream().anyMatch(day -> !day.isBefore(first) && !day.isAfter(end));
        }
        return any ? Optional.of(kept) : Optional.empty();
    }

    private static TerritoryReport.Evaluation evaluation(OwnerFacts facts, Period period, boolean mutualisation) {
        LocalDate asOf = period.asOf();
        Map<String, Long> byStatus = new TreeMap<>();
        facts.indicators().values().stream()
                .filter(indicator -> indicator.direction() != null)
                .filter(indicator -> onOrBefore(earliest(indicator.definedOn(), indicator.measurements().values()
                        .stream().map(OwnerFacts.Measure::date)), asOf))
                .forEach(indicator -> byStatus.merge(status(indicator, asOf).name(), 1L, Long::sum));
        Optional<OwnerFacts.Profile> profile = mutualisation ? Optional.empty()
                : facts.barometer().entrySet().stream()
                .filter(entry -> onOrBefore(entry.getValue().date(), asOf))
                .max(Map.Entry.comparingByKey()).map(Map.Entry::getValue);
        return new TerritoryReport.Evaluation(byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus,
                profile.map(OwnerFacts.Profile::profile).orElse(mutualisation ? null : "UNCLASSIFIED"),
                profile.map(OwnerFacts.Profile::nearestProfile).orElse(null));
    }

    /** As the evaluation service: the status at the latest measurement (by date, then by recording order). */
    private static IndicatorStatus status(OwnerFacts.Indicator indicator, LocalDate asOf) {
        Optional<OwnerFacts.Measure> latest = indicator.measurements().entrySet().stream()
                .filter(entry -> onOrBefore(entry.getValue().date(), asOf))
                .max(Comparator.<Map.Entry<Long, OwnerFacts.Measure>, LocalDate>comparing(entry -> entry.getValue().date())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getValue);
        if (latest.isEmpty() || indicator.targetValue() == null || indicator.baselineValue() == null
                || indicator.baselineDate() == null || indicator.targetDate() == null) {
            return IndicatorStatus.NO_DATA;
        }
        return IndicatorStatus.of(!"DOWN".equals(indicator.direction()), indicator.baselineValue(),
                indicator.baselineDate(), indicator.targetValue(), indicator.targetDate(), latest.get().date(),
                latest.get().value());
    }

    private static long sum(Map<UUID, OwnerFacts.Amount> amounts, LocalDate asOf) {
        return amounts.values().stream().filter(amount -> onOrBefore(amount.date(), asOf))
                .mapToLong(OwnerFacts.Amount::cents).sum();
    }

    private static void add(long[] totals, long[] figures) {
        for (int i = 0; i < figures.length; i++) {
            totals[i] += figures[i];
        }
    }

    private static TerritoryReport.Section section(long[] figures) {
        long[] f = figures == null ? new long[4] : figures;
        return new TerritoryReport.Section(f[0], f[1], f[2], f[3], f[1] - f[2]);
    }

    private static LocalDate earliest(LocalDate first, Stream<LocalDate> others) {
        return Stream.concat(Stream.ofNullable(first), others).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** A fact without a date (an event of an older version) counts from the start. */
    private static boolean onOrBefore(LocalDate date, LocalDate asOf) {
        return date == null || !date.isAfter(asOf);
    }

    private TerritoryReports() {
    }
}

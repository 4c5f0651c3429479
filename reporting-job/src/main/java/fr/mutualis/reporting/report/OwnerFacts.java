package fr.mutualis.reporting.report;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.budget.BudgetLineOpened;
import fr.mutualis.contracts.budget.CreditsVoted;
import fr.mutualis.contracts.budget.EngagementRecorded;
import fr.mutualis.contracts.budget.LineAttachedToProgramme;
import fr.mutualis.contracts.budget.LineCreditsTransferred;
import fr.mutualis.contracts.budget.MandateRecorded;
import fr.mutualis.contracts.budget.ProgrammeCreated;
import fr.mutualis.contracts.evaluation.BarometerProfileChanged;
import fr.mutualis.contracts.evaluation.IndicatorDefined;
import fr.mutualis.contracts.evaluation.MeasurementRecorded;
import fr.mutualis.contracts.governance.CollectiviteRegistered;
import fr.mutualis.contracts.governance.DecisionPublished;
import fr.mutualis.contracts.governance.InstanceCreated;
import fr.mutualis.contracts.governance.MutualisationCreated;
import fr.mutualis.contracts.governance.SessionClosed;
import fr.mutualis.contracts.portfolio.MilestonePlanned;
import fr.mutualis.contracts.portfolio.MilestoneReached;
import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.contracts.portfolio.ProjectStatusChanged;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the job knows of one owner: the facts the reports are computed from, never the figures themselves, so
 * that a report can be computed as of any date whatever order events of different aggregates arrived in.
 * <p>
 * Idempotent per event: every fact is stored under its own identity (a line's engagement under the engagement's
 * id, a credit or status under its aggregate's {@link EventEnvelope#sequence()}), so a redelivered event (same
 * event id, same aggregate and sequence) rewrites what it wrote the first time instead of counting twice.
 * A fact whose aggregate comes later (a mandate before its line was opened, a line before its project) is kept
 * and joined when the reports are computed.
 */
public record OwnerFacts(String owner, String name, List<String> members, Map<UUID, Line> lines,
                         Map<UUID, UUID> programmeProjects, Map<UUID, Project> projects,
                         Map<UUID, Milestone> milestones, Map<UUID, Instance> instances, Map<UUID, Session> sessions,
                         Map<UUID, Decision> decisions, Map<UUID, Indicator> indicators,
                         Map<Long, Profile> barometer) {

    /** Dates of events that carry none (a vote, a definition) are their recording day in France. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    public OwnerFacts {
        members = members == null ? new ArrayList<>() : members;
        lines = mutable(lines);
        programmeProjects = mutable(programmeProjects);
        projects = mutable(projects);
        milestones = mutable(milestones);
        instances = mutable(instances);
        sessions = mutable(sessions);
        decisions = mutable(decisions);
        indicators = mutable(indicators);
        barometer = mutable(barometer);
    }

    public static OwnerFacts empty(String owner) {
        return new OwnerFacts(owner, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** One budget line; {@code credits} are its open credits after each vote or transfer, by line sequence. */
    public record Line(int fiscalYear, String section, UUID projectId, UUID programmeId, long plannedCents,
                       LocalDate openedOn, Map<Long, Amount> credits, Map<UUID, Amount> engagements,
                       Map<UUID, Amount> mandates) {

        public Line {
            credits = mutable(credits);
            engagements = mutable(engagements);
            mandates = mutable(mandates);
        }
    }

    public record Amount(LocalDate date, long cents) {
    }

    /** A project; {@code statuses} by project sequence, each effective from its date. */
    public record Project(String axis, LocalDate proposedOn, Map<Long, Status> statuses) {

        public Project {
            statuses = mutable(statuses);
        }
    }

    public record Status(LocalDate date, String status) {
    }

    public record Milestone(LocalDate plannedDate, LocalDate actualDate) {
    }

    public record Instance(String kind, String cadence, LocalDate createdOn) {
    }

    public record Session(UUID instanceId, LocalDate heldOn) {
    }

    public record Decision(String kind, String outcome, LocalDate decidedOn) {
    }

    /** An indicator, its baseline and target (absent from events published before they were), its measurements. */
    public record Indicator(String direction, BigDecimal baselineValue, LocalDate baselineDate, BigDecimal targetValue,
                            LocalDate targetDate, LocalDate definedOn, Map<Long, Measure> measurements) {

        public Indicator {
            measurements = mutable(measurements);
        }
    }

    public record Measure(LocalDate date, BigDecimal value) {
    }

    public record Profile(LocalDate date, String profile, String nearestProfile) {
    }

    /** This owner's facts with {@code payload} (the envelope's, bound to its contract record) added. */
    public OwnerFacts apply(EventEnvelope envelope, Record payload) {
        LocalDate recordedOn = LocalDate.ofInstant(envelope.occurredAt(), ZONE);
        long sequence = envelope.sequence();
        String newName = name;
        switch (payload) {
            case CollectiviteRegistered e -> newName = e.name();
            case MutualisationCreated e -> {
                newName = e.name();
                members.clear();
                members.add(e.epciSiren());
                e.memberSirens().stream().filter(siren -> !members.contains(siren)).sorted().forEach(members::add);
            }
            case BudgetLineOpened e -> lines.compute(e.lineId(), (id, line) -> {
                Line known = line != null ? line : newLine(e.fiscalYear(), e.section());
                return new Line(e.fiscalYear(), e.section(), e.projectId(), known.programmeId(), e.plannedCents(),
                        recordedOn, known.credits(), known.engagements(), known.mandates());
            });
            case CreditsVoted e -> line(e.lineId(), e.fiscalYear(), e.section()).credits()
                    .put(sequence, new Amount(recordedOn, e.creditsCents()));
            case LineCreditsTransferred e -> line(e.lineId(), e.fiscalYear(), e.section()).credits()
                    .put(sequence, new Amount(recordedOn, e.creditsCents()));
            case EngagementRecorded e -> line(e.lineId(), e.fiscalYear(), e.section()).engagements()
                    .put(e.engagementId(), new Amount(e.date(), e.amountCents()));
            case MandateRecorded e -> line(e.lineId(), e.fiscalYear(), e.section()).mandates()
                    .put(e.mandateId(), new Amount(e.date(), e.amountCents()));
            case ProgrammeCreated e -> {
                if (e.projectId() != null) {
                    programmeProjects.put(e.programmeId(), e.projectId());
                }
            }
            case LineAttachedToProgramme e -> lines.compute(e.lineId(), (id, line) -> {
                Line known = line != null ? line : newLine(e.fiscalYear(), null);
                return new Line(known.fiscalYear(), known.section(), known.projectId(), e.programmeId(),
                        known.plannedCents(), known.openedOn(), known.credits(), known.engagements(), known.mandates());
            });
            case ProjectProposed e -> projects.compute(e.projectId(), (id, project) -> new Project(e.axis(),
                    recordedOn, project == null ? null : project.statuses()));
            case ProjectStatusChanged e -> {
                Project project = projects.computeIfAbsent(e.projectId(), id -> new Project(e.axis(), null, null));
                project.statuses().put(sequence,
                        new Status(Objects.requireNonNullElse(e.effectiveOn(), recordedOn), e.status()));
            }
            case MilestonePlanned e -> milestones.merge(e.milestoneId(), new Milestone(e.plannedDate(), null),
                    (known, planned) -> new Milestone(planned.plannedDate(), known.actualDate()));
            case MilestoneReached e -> milestones.put(e.milestoneId(), new Milestone(e.plannedDate(), e.actualDate()));
            case InstanceCreated e -> instances.put(e.instanceId(), new Instance(e.kind(), e.cadence(), recordedOn));
            case SessionClosed e -> sessions.put(e.sessionId(), new Session(e.instanceId(), e.heldOn()));
            case DecisionPublished e -> decisions.put(e.decisionId(),
                    new Decision(e.agendaItemKind(), e.outcome(), e.decidedOn()));
            case IndicatorDefined e -> indicators.compute(e.indicatorId(), (id, known) -> new Indicator(e.direction(),
                    e.baselineValue(), e.baselineDate(), e.targetValue(), e.targetDate(), recordedOn,
                    known == null ? null : known.measurements()));
            case MeasurementRecorded e -> indicators
                    .computeIfAbsent(e.indicatorId(), id -> new Indicator(null, null, null, null, null, null, null))
                    .measurements().put(sequence, new Measure(e.date(), e.value()));
            case BarometerProfileChanged e -> barometer.put(sequence,
                    new Profile(recordedOn, e.profile(), e.nearestProfile()));
            default -> {
                // Other events (roadmaps, assessments, AP revisions, allocations...) feed no figure of the report.
            }
        }
        return Objects.equals(newName, name) ? this : new OwnerFacts(owner, newName, members, lines,
                programmeProjects, projects, milestones, instances, sessions, decisions, indicators, barometer);
    }

    private Line line(UUID lineId, int fiscalYear, String section) {
        return lines.computeIfAbsent(lineId, id -> newLine(fiscalYear, section));
    }

    private static Line newLine(int fiscalYear, String section) {
        return new Line(fiscalYear, section, null, null, 0, null, null, null, null);
    }

    /** The maps are updated in place: copying an owner's facts at each event would cost their size per event. */
    private static <K, V> Map<K, V> mutable(Map<K, V> map) {
        return map == null ? new TreeMap<>() : map;
    }
}

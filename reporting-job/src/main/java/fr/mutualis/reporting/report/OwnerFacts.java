package fr.mutualis.reporting.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
import fr.mutualis.kit.time.FrenchTime;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * What the job knows of one owner: the facts the reports are computed from, never the figures themselves, so
 * that a report can be computed as of any date whatever order events of different aggregates arrived in.
 * <p>
 * Idempotent per event: every fact is stored under its own identity (a line's engagement under the engagement's
 * id, a credit or status under its aggregate's {@link EventEnvelope#sequence()}), so a redelivered event (same
 * event id, same aggregate and sequence) rewrites what it wrote the first time instead of counting twice.
 * A fact whose aggregate comes later (a mandate before its line was opened, a line before its project) is kept
 * and joined when the reports are computed.
 * <p>
 * Stored as parts, each under its path below the owner: an entity's own fields ({@code line/<id>}, {@code
 * project/<id>}...) or one fact about it ({@code line/<id>/engagement/<id>}, {@code project/<id>/status/<sequence>}...),
 * so that no stored value grows with the owner (a hot line's year of engagements, a ville-centre's projects) and only
 * the parts an event changed are written again. {@link #apply} notes the paths it changed; {@link #drainChanges}
 * hands them to the store, {@link #restore} puts a stored part back.
 */
public final class OwnerFacts {

    private static final String OWNER = "owner";
    private static final String LINE = "line";
    private static final String CREDIT = "credit";
    private static final String ENGAGEMENT = "engagement";
    private static final String MANDATE = "mandate";
    private static final String PROGRAMME = "programme";
    private static final String PROJECT = "project";
    private static final String STATUS = "status";
    private static final String MILESTONE = "milestone";
    private static final String INSTANCE = "instance";
    private static final String SESSION = "session";
    private static final String DECISION = "decision";
    private static final String INDICATOR = "indicator";
    private static final String MEASURE = "measure";
    private static final String BAROMETER = "barometer";

    private final String owner;
    private String name;
    private final List<String> members = new ArrayList<>();
    private final Map<UUID, Line> lines = new TreeMap<>();
    private final Map<UUID, UUID> programmeProjects = new TreeMap<>();
    private final Map<UUID, Project> projects = new TreeMap<>();
    private final Map<UUID, Milestone> milestones = new TreeMap<>();
    private final Map<UUID, Instance> instances = new TreeMap<>();
    private final Map<UUID, Session> sessions = new TreeMap<>();
    private final Map<UUID, Decision> decisions = new TreeMap<>();
    private final Map<UUID, Indicator> indicators = new TreeMap<>();
    private final Map<Long, Profile> barometer = new TreeMap<>();
    /** Paths of the parts changed since the store last wrote them. */
    private final Set<String> changed = new LinkedHashSet<>();

    private OwnerFacts(String owner) {
        this.owner = owner;
    }

    public static OwnerFacts empty(String owner) {
        return new OwnerFacts(owner);
    }

    /** The owner's name and members ({@code owner}), the one part that is not a fact about an entity. */
    public record Head(String name, List<String> members) {
    }

    /**
     * One budget line; {@code credits} are its open credits after each vote or transfer, by line sequence. Stored as
     * its own fields, each credit, engagement and mandate a part of its own.
     */
    public record Line(int fiscalYear, String section, UUID projectId, UUID programmeId, long plannedCents,
                       LocalDate openedOn, @JsonIgnore Map<Long, Amount> credits,
                       @JsonIgnore Map<UUID, Amount> engagements, @JsonIgnore Map<UUID, Amount> mandates) {

        public Line {
            credits = mutable(credits);
            engagements = mutable(engagements);
            mandates = mutable(mandates);
        }
    }

    public record Amount(LocalDate date, long cents) {
    }

    /** The project a programme (AP) is attached to. */
    public record Programme(UUID projectId) {
    }

    /** A project; {@code statuses} by project sequence, each effective from its date and stored apart. */
    public record Project(String axis, LocalDate proposedOn, @JsonIgnore Map<Long, Status> statuses) {

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

    /**
     * An indicator, its baseline and target (absent from events published before they were), its measurements
     * (stored apart).
     */
    public record Indicator(String direction, BigDecimal baselineValue, LocalDate baselineDate, BigDecimal targetValue,
                            LocalDate targetDate, LocalDate definedOn, @JsonIgnore Map<Long, Measure> measurements) {

        public Indicator {
            measurements = mutable(measurements);
        }
    }

    public record Measure(LocalDate date, BigDecimal value) {
    }

    public record Profile(LocalDate date, String profile, String nearestProfile) {
    }

    public String owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public List<String> members() {
        return members;
    }

    public Map<UUID, Line> lines() {
        return lines;
    }

    public Map<UUID, UUID> programmeProjects() {
        return programmeProjects;
    }

    public Map<UUID, Project> projects() {
        return projects;
    }

    public Map<UUID, Milestone> milestones() {
        return milestones;
    }

    public Map<UUID, Instance> instances() {
        return instances;
    }

    public Map<UUID, Session> sessions() {
        return sessions;
    }

    public Map<UUID, Decision> decisions() {
        return decisions;
    }

    public Map<UUID, Indicator> indicators() {
        return indicators;
    }

    public Map<Long, Profile> barometer() {
        return barometer;
    }

    /** Adds {@code payload} (the envelope's, bound to its contract record) to the facts, in place. */
    public void apply(EventEnvelope envelope, Record payload) {
        // dates of events that carry none (a vote, a definition) are their recording day in France
        LocalDate recordedOn = LocalDate.ofInstant(envelope.occurredAt(), FrenchTime.ZONE);
        long sequence = envelope.sequence();
        switch (payload) {
            case CollectiviteRegistered e -> {
                name = e.name();
                changed.add(OWNER);
            }
            case MutualisationCreated e -> {
                name = e.name();
                members.clear();
                members.add(e.epciSiren());
                e.memberSirens().stream().filter(siren -> !members.contains(siren)).sorted().forEach(members::add);
                changed.add(OWNER);
            }
            case BudgetLineOpened e -> {
                Line known = line(e.lineId(), e.fiscalYear(), e.section());
                lines.put(e.lineId(), new Line(e.fiscalYear(), e.section(), e.projectId(), known.programmeId(),
                        e.plannedCents(), recordedOn, known.credits(), known.engagements(), known.mandates()));
            }
            case CreditsVoted e -> line(e.lineId(), e.fiscalYear(), e.section()).credits()
                    .put(changed(sequence, LINE, e.lineId(), CREDIT), new Amount(recordedOn, e.creditsCents()));
            case LineCreditsTransferred e -> line(e.lineId(), e.fiscalYear(), e.section()).credits()
                    .put(changed(sequence, LINE, e.lineId(), CREDIT), new Amount(recordedOn, e.creditsCents()));
            case EngagementRecorded e -> line(e.lineId(), e.fiscalYear(), e.section()).engagements()
                    .put(changed(e.engagementId(), LINE, e.lineId(), ENGAGEMENT), new Amount(e.date(), e.amountCents()));
            case MandateRecorded e -> line(e.lineId(), e.fiscalYear(), e.section()).mandates()
                    .put(changed(e.mandateId(), LINE, e.lineId(), MANDATE), new Amount(e.date(), e.amountCents()));
            case ProgrammeCreated e -> {
                if (e.projectId() != null) {
                    programmeProjects.put(changed(e.programmeId(), PROGRAMME), e.projectId());
                }
            }
            case LineAttachedToProgramme e -> {
                Line known = line(e.lineId(), e.fiscalYear(), null);
                lines.put(e.lineId(), new Line(known.fiscalYear(), known.section(), known.projectId(), e.programmeId(),
                        known.plannedCents(), known.openedOn(), known.credits(), known.engagements(), known.mandates()));
            }
            case ProjectProposed e -> {
                Project known = projects.get(e.projectId());
                projects.put(changed(e.projectId(), PROJECT),
                        new Project(e.axis(), recordedOn, known == null ? null : known.statuses()));
            }
            case ProjectStatusChanged e -> {
                Project project = projects.computeIfAbsent(e.projectId(), id -> {
                    changed(id, PROJECT);
                    return new Project(e.axis(), null, null);
                });
                project.statuses().put(changed(sequence, PROJECT, e.projectId(), STATUS),
                        new Status(Objects.requireNonNullElse(e.effectiveOn(), recordedOn), e.status()));
            }
            case MilestonePlanned e -> milestones.merge(changed(e.milestoneId(), MILESTONE),
                    new Milestone(e.plannedDate(), null),
                    (known, planned) -> new Milestone(planned.plannedDate(), known.actualDate()));
            case MilestoneReached e -> milestones.put(changed(e.milestoneId(), MILESTONE),
                    new Milestone(e.plannedDate(), e.actualDate()));
            case InstanceCreated e -> instances.put(changed(e.instanceId(), INSTANCE),
                    new Instance(e.kind(), e.cadence(), recordedOn));
            case SessionClosed e -> sessions.put(changed(e.sessionId(), SESSION),
                    new Session(e.instanceId(), e.heldOn()));
            case DecisionPublished e -> decisions.put(changed(e.decisionId(), DECISION),
                    new Decision(e.agendaItemKind(), e.outcome(), e.decidedOn()));
            case IndicatorDefined e -> {
                Indicator known = indicators.get(e.indicatorId());
                indicators.put(changed(e.indicatorId(), INDICATOR), new Indicator(e.direction(), e.baselineValue(),
                        e.baselineDate(), e.targetValue(), e.targetDate(), recordedOn,
                        known == null ? null : known.measurements()));
            }
            case MeasurementRecorded e -> indicators
                    .computeIfAbsent(e.indicatorId(), id -> {
                        changed(id, INDICATOR);
                        return new Indicator(null, null, null, null, null, null, null);
                    })
                    .measurements().put(changed(sequence, INDICATOR, e.indicatorId(), MEASURE),
                            new Measure(e.date(), e.value()));
            case BarometerProfileChanged e -> barometer.put(changed(sequence, BAROMETER),
                    new Profile(recordedOn, e.profile(), e.nearestProfile()));
            default -> {
                // Other events (roadmaps, assessments, AP revisions, allocations...) feed no figure of the report.
            }
        }
    }

    /**
     * The line, created when a fact about it comes before its opening. Its own part is noted as changed either way:
     * it is small, and written once per commit however many of its facts came.
     */
    private Line line(UUID lineId, int fiscalYear, String section) {
        changed.add(path(LINE, lineId));
        return lines.computeIfAbsent(lineId, id -> new Line(fiscalYear, section, null, null, 0, null, null, null, null));
    }

    /** Notes the part {@code <kind>/<id>} as changed; its id. */
    private <K> K changed(K id, String kind) {
        changed.add(path(kind, id));
        return id;
    }

    /** Notes the part {@code <kind>/<entity>/<fact>/<id>} as changed; its id. */
    private <K> K changed(K id, String kind, UUID entity, String fact) {
        changed.add(path(kind, entity) + "/" + fact + "/" + id);
        return id;
    }

    private static String path(String kind, Object id) {
        return kind + "/" + id;
    }

    /** Hands each part changed since the last call, with its path, and forgets they changed. */
    public void drainChanges(BiConsumer<String, Record> write) {
        changed.forEach(path -> write.accept(path, part(path)));
        changed.clear();
    }

    /** The part stored under {@code path}. */
    Record part(String path) {
        String[] p = path.split("/");
        return switch (p[0]) {
            case OWNER -> new Head(name, List.copyOf(members));
            case LINE -> {
                Line line = lines.get(UUID.fromString(p[1]));
                yield p.length == 2 ? line : switch (p[2]) {
                    case CREDIT -> line.credits().get(Long.parseLong(p[3]));
                    case ENGAGEMENT -> line.engagements().get(UUID.fromString(p[3]));
                    case MANDATE -> line.mandates().get(UUID.fromString(p[3]));
                    default -> throw unknown(path);
                };
            }
            case PROGRAMME -> new Programme(programmeProjects.get(UUID.fromString(p[1])));
            case PROJECT -> {
                Project project = projects.get(UUID.fromString(p[1]));
                yield p.length == 2 ? project : project.statuses().get(Long.parseLong(p[3]));
            }
            case MILESTONE -> milestones.get(UUID.fromString(p[1]));
            case INSTANCE -> instances.get(UUID.fromString(p[1]));
            case SESSION -> sessions.get(UUID.fromString(p[1]));
            case DECISION -> decisions.get(UUID.fromString(p[1]));
            case INDICATOR -> {
                Indicator indicator = indicators.get(UUID.fromString(p[1]));
                yield p.length == 2 ? indicator : indicator.measurements().get(Long.parseLong(p[3]));
            }
            case BAROMETER -> barometer.get(Long.parseLong(p[1]));
            default -> throw unknown(path);
        };
    }

    /** The type of the part stored under {@code path}, to read it back. */
    public static Class<? extends Record> partType(String path) {
        String[] p = path.split("/");
        return switch (p[0]) {
            case OWNER -> Head.class;
            case LINE -> p.length == 2 ? Line.class : Amount.class;
            case PROGRAMME -> Programme.class;
            case PROJECT -> p.length == 2 ? Project.class : Status.class;
            case MILESTONE -> Milestone.class;
            case INSTANCE -> Instance.class;
            case SESSION -> Session.class;
            case DECISION -> Decision.class;
            case INDICATOR -> p.length == 2 ? Indicator.class : Measure.class;
            case BAROMETER -> Profile.class;
            default -> throw unknown(path);
        };
    }

    /** Puts back a part read from the store (not noted as changed: the store holds it). */
    public void restore(String path, Record part) {
        String[] p = path.split("/");
        switch (p[0]) {
            case OWNER -> {
                Head head = (Head) part;
                name = head.name();
                members.clear();
                members.addAll(head.members());
            }
            case LINE -> {
                UUID id = UUID.fromString(p[1]);
                Line known = lines.computeIfAbsent(id, key -> new Line(0, null, null, null, 0, null, null, null, null));
                if (p.length == 2) {
                    Line head = (Line) part;
                    lines.put(id, new Line(head.fiscalYear(), head.section(), head.projectId(), head.programmeId(),
                            head.plannedCents(), head.openedOn(), known.credits(), known.engagements(), known.mandates()));
                } else {
                    switch (p[2]) {
                        case CREDIT -> known.credits().put(Long.parseLong(p[3]), (Amount) part);
                        case ENGAGEMENT -> known.engagements().put(UUID.fromString(p[3]), (Amount) part);
                        case MANDATE -> known.mandates().put(UUID.fromString(p[3]), (Amount) part);
                        default -> throw unknown(path);
                    }
                }
            }
            case PROGRAMME -> programmeProjects.put(UUID.fromString(p[1]), ((Programme) part).projectId());
            case PROJECT -> {
                UUID id = UUID.fromString(p[1]);
                Project known = projects.computeIfAbsent(id, key -> new Project(null, null, null));
                if (p.length == 2) {
                    Project head = (Project) part;
                    projects.put(id, new Project(head.axis(), head.proposedOn(), known.statuses()));
                } else {
                    known.statuses().put(Long.parseLong(p[3]), (Status) part);
                }
            }
            case MILESTONE -> milestones.put(UUID.fromString(p[1]), (Milestone) part);
            case INSTANCE -> instances.put(UUID.fromString(p[1]), (Instance) part);
            case SESSION -> sessions.put(UUID.fromString(p[1]), (Session) part);
            case DECISION -> decisions.put(UUID.fromString(p[1]), (Decision) part);
            case INDICATOR -> {
                UUID id = UUID.fromString(p[1]);
                Indicator known = indicators.computeIfAbsent(id,
                        key -> new Indicator(null, null, null, null, null, null, null));
                if (p.length == 2) {
                    Indicator head = (Indicator) part;
                    indicators.put(id, new Indicator(head.direction(), head.baselineValue(), head.baselineDate(),
                            head.targetValue(), head.targetDate(), head.definedOn(), known.measurements()));
                } else {
                    known.measurements().put(Long.parseLong(p[3]), (Measure) part);
                }
            }
            case BAROMETER -> barometer.put(Long.parseLong(p[1]), (Profile) part);
            default -> throw unknown(path);
        }
    }

    private static IllegalArgumentException unknown(String path) {
        return new IllegalArgumentException("no part of an owner's facts is stored under " + path);
    }

    /** The maps are updated in place: copying an owner's facts at each event would cost their size per event. */
    private static <K, V> Map<K, V> mutable(Map<K, V> map) {
        return map == null ? new TreeMap<>() : map;
    }
}

package fr.mutualis.portfolio.command;

import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.error.StateConflictException;
import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.portfolio.messages.ApproveProject;
import fr.mutualis.portfolio.messages.AssessProject;
import fr.mutualis.portfolio.messages.Axis;
import fr.mutualis.portfolio.messages.DecisionEffect;
import fr.mutualis.portfolio.messages.MilestonePlanned;
import fr.mutualis.portfolio.messages.MilestoneReached;
import fr.mutualis.portfolio.messages.MoveProject;
import fr.mutualis.portfolio.messages.PlanMilestone;
import fr.mutualis.portfolio.messages.ProjectAssessed;
import fr.mutualis.portfolio.messages.ProjectProposed;
import fr.mutualis.portfolio.messages.ProjectStatus;
import fr.mutualis.portfolio.messages.ProjectStatusChanged;
import fr.mutualis.portfolio.messages.ProjectTransition;
import fr.mutualis.portfolio.messages.ReachMilestone;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A project of the portfolio, from its proposal to its delivery: PROPOSED → ASSESSED → APPROVED (by a governance
 * decision only) → IN_PROGRESS ⇄ ON_HOLD → DELIVERED → CLOSED, or CANCELLED before delivery. Command handlers return
 * the project's new version: Axon's aggregate version, the sequence number of its last event.
 */
@Aggregate
class Project {

    /** Scores can change until the gate decided on them. */
    private static final Set<ProjectStatus> ASSESSABLE = EnumSet.of(ProjectStatus.PROPOSED, ProjectStatus.ASSESSED);
    /** A finished project's plan is history. */
    private static final Set<ProjectStatus> FINISHED = EnumSet.of(ProjectStatus.CLOSED, ProjectStatus.CANCELLED);

    @AggregateIdentifier
    private UUID projectId;
    private UUID roadmapId;
    private Owner ownerId;
    private Axis axis;
    private ProjectStatus status;
    private UUID approvedBy;
    private final Map<UUID, Milestone> milestones = new HashMap<>();

    protected Project() {
    }

    /** Created by its {@link Roadmap}, which has checked who may propose on it. */
    Project(ProjectProposed proposed) {
        apply(proposed);
    }

    @CommandHandler
    public long handle(AssessProject command) {
        command.caller().requireManages(ownerId, "Project", projectId);
        if (!ASSESSABLE.contains(status)) {
            throw conflict("it can no longer be assessed", "project-not-assessable");
        }
        command.scores().checkRange();
        apply(new ProjectAssessed(projectId, roadmapId, ownerId, command.scores()));
        if (status == ProjectStatus.PROPOSED) {
            moveTo(ProjectStatus.ASSESSED, null, null, command.today());
        }
        return getVersion();
    }

    /** Only an approved PROJECT_GATE decision of the project's own governance approves it. */
    @CommandHandler
    public DecisionEffect handle(ApproveProject command) {
        if (!ownerId.equals(command.decidingOwner())) {
            return DecisionEffect.OTHER_OWNER;
        }
        if (command.decisionId().equals(approvedBy)) {
            return DecisionEffect.ALREADY_APPLIED;
        }
        if (status != ProjectStatus.ASSESSED) {
            return DecisionEffect.WRONG_STATE;
        }
        moveTo(ProjectStatus.APPROVED, null, command.decisionId(), command.decidedOn());
        return DecisionEffect.APPLIED;
    }

    @CommandHandler
    public long handle(MoveProject command) {
        command.caller().requireManages(ownerId, "Project", projectId);
        ProjectTransition transition = command.transition();
        if (!transition.isAllowedFrom(status)) {
            throw conflict("it cannot be " + transition.pastParticiple(), "project-transition");
        }
        moveTo(transition.target(), command.reason(), null, command.today());
        return getVersion();
    }

    @CommandHandler
    public long handle(PlanMilestone command) {
        command.caller().requireManages(ownerId, "Project", projectId);
        if (FINISHED.contains(status)) {
            throw conflict("its milestones can no longer change", "project-milestones");
        }
        apply(new MilestonePlanned(projectId, command.milestoneId(), ownerId, command.title(), command.plannedDate()));
        return getVersion();
    }

    @CommandHandler
    public long handle(ReachMilestone command) {
        command.caller().requireManages(ownerId, "Project", projectId);
        Milestone milestone = milestones.get(command.milestoneId());
        if (milestone == null) {
            throw new NotFoundException("Milestone", command.milestoneId());
        }
        if (FINISHED.contains(status)) {
            throw conflict("its milestones can no longer change", "project-milestones");
        }
        if (milestone.reached()) {
            throw new StateConflictException("Milestone " + command.milestoneId() + " is already REACHED", "REACHED",
                    "milestone-reached");
        }
        if (command.actualDate().isAfter(command.today())) {
            throw new BusinessRuleViolationException("milestone-reached-in-future",
                    "A milestone cannot be reached on " + command.actualDate() + ", after today (" + command.today() + ")",
                    Map.of("actualDate", command.actualDate().toString(), "today", command.today().toString()));
        }
        apply(new MilestoneReached(projectId, command.milestoneId(), ownerId, milestone.plannedDate(),
                command.actualDate()));
        return getVersion();
    }

    private void moveTo(ProjectStatus target, String reason, UUID decisionId, LocalDate effectiveOn) {
        apply(new ProjectStatusChanged(projectId, roadmapId, ownerId, axis, status, target, reason, decisionId,
                effectiveOn));
    }

    private StateConflictException conflict(String consequence, String key) {
        return new StateConflictException("Project " + projectId + " is " + status + ": " + consequence, status.name(),
                key);
    }

    @EventSourcingHandler
    void on(ProjectProposed event) {
        projectId = event.projectId();
        roadmapId = event.roadmapId();
        ownerId = event.ownerId();
        axis = event.axis();
        status = ProjectStatus.PROPOSED;
    }

    @EventSourcingHandler
    void on(ProjectStatusChanged event) {
        status = event.status();
        if (event.decisionId() != null) {
            approvedBy = event.decisionId();
        }
    }

    @EventSourcingHandler
    void on(MilestonePlanned event) {
        milestones.put(event.milestoneId(), new Milestone(event.plannedDate(), false));
    }

    @EventSourcingHandler
    void on(MilestoneReached event) {
        milestones.computeIfPresent(event.milestoneId(), (id, milestone) -> new Milestone(milestone.plannedDate(), true));
    }

    ProjectStatus status() {
        return status;
    }

    Owner ownerId() {
        return ownerId;
    }

    private record Milestone(LocalDate plannedDate, boolean reached) {
    }
}

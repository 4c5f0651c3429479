package fr.mutualis.portfolio.messages;

import java.util.EnumSet;
import java.util.Set;

import static fr.mutualis.portfolio.messages.ProjectStatus.APPROVED;
import static fr.mutualis.portfolio.messages.ProjectStatus.ASSESSED;
import static fr.mutualis.portfolio.messages.ProjectStatus.CANCELLED;
import static fr.mutualis.portfolio.messages.ProjectStatus.CLOSED;
import static fr.mutualis.portfolio.messages.ProjectStatus.DELIVERED;
import static fr.mutualis.portfolio.messages.ProjectStatus.IN_PROGRESS;
import static fr.mutualis.portfolio.messages.ProjectStatus.ON_HOLD;
import static fr.mutualis.portfolio.messages.ProjectStatus.PROPOSED;

/**
 * The moves of a project's lifecycle that its managers make (DOMAIN.md §2). Assessment and approval are not here:
 * assessment carries scores, approval only comes from a governance decision.
 */
public enum ProjectTransition {
    START("started", IN_PROGRESS, EnumSet.of(APPROVED)),
    HOLD("put on hold", ON_HOLD, EnumSet.of(IN_PROGRESS)),
    RESUME("resumed", IN_PROGRESS, EnumSet.of(ON_HOLD)),
    DELIVER("delivered", DELIVERED, EnumSet.of(IN_PROGRESS)),
    CLOSE("closed", CLOSED, EnumSet.of(DELIVERED)),
    /** Any time before delivery. */
    CANCEL("cancelled", CANCELLED, EnumSet.of(PROPOSED, ASSESSED, APPROVED, IN_PROGRESS, ON_HOLD));

    private final String pastParticiple;
    private final ProjectStatus target;
    private final Set<ProjectStatus> from;

    ProjectTransition(String pastParticiple, ProjectStatus target, Set<ProjectStatus> from) {
        this.pastParticiple = pastParticiple;
        this.target = target;
        this.from = from;
    }

    public ProjectStatus target() {
        return target;
    }

    /** Whether a project in {@code status} may make this move. */
    public boolean isAllowedFrom(ProjectStatus status) {
        return from.contains(status);
    }

    /** How a refusal names the move ("it cannot be put on hold"). */
    public String pastParticiple() {
        return pastParticiple;
    }
}

package fr.mutualis.portfolio.command;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A project of the portfolio, from its proposal to its delivery. */
@Aggregate
public class Project {

    @AggregateIdentifier
    private UUID projectId;
    private String ownerId;
    private ProjectStatus status;

    protected Project() {
    }

    /** Created by its {@link Roadmap}, which has checked who may propose on it. */
    Project(ProjectProposed proposed) {
        apply(proposed);
    }

    @EventSourcingHandler
    void on(ProjectProposed event) {
        projectId = event.projectId();
        ownerId = event.ownerId();
        status = ProjectStatus.PROPOSED;
    }

    ProjectStatus status() {
        return status;
    }

    String ownerId() {
        return ownerId;
    }
}

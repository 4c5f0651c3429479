package fr.mutualis.portfolio.command;

import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.NotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/** A schéma directeur: a few years, the axes it commits to, and the projects proposed under it. */
@Aggregate
public class Roadmap {

    static final int MAX_YEARS = 6;

    @AggregateIdentifier
    private UUID roadmapId;
    private String ownerId;
    private RoadmapStatus status;

    protected Roadmap() {
    }

    @CommandHandler
    public Roadmap(DraftRoadmap command) {
        int years = command.endYear() - command.startYear() + 1;
        if (years < 1 || years > MAX_YEARS) {
            throw new BusinessRuleViolationException("roadmap-duration",
                    "A roadmap covers 1 to " + MAX_YEARS + " years; " + command.startYear() + "–" + command.endYear()
                            + " covers " + years,
                    Map.of("startYear", command.startYear(), "endYear", command.endYear(), "maxYears", MAX_YEARS));
        }
        apply(new RoadmapDrafted(command.roadmapId(), command.ownerId(), command.title(), command.startYear(),
                command.endYear(), command.axes()));
    }

    @CommandHandler
    public void handle(ProposeProject command) throws Exception {
        if (!ownerId.equals(command.actingTenant())) {
            // Another tenant's roadmap does not exist for the caller.
            throw new NotFoundException("Roadmap", roadmapId);
        }
        createNew(Project.class, () -> new Project(new ProjectProposed(command.projectId(), roadmapId, ownerId,
                command.title(), command.description(), command.axis(), command.theme(), command.sponsor(),
                command.manager(), command.plannedStart(), command.plannedEnd(), command.estimatedInvestmentCents(),
                command.estimatedOperatingCents())));
    }

    @EventSourcingHandler
    void on(RoadmapDrafted event) {
        roadmapId = event.roadmapId();
        ownerId = event.ownerId();
        status = RoadmapStatus.DRAFT;
    }

    RoadmapStatus status() {
        return status;
    }
}

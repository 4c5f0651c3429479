package fr.mutualis.portfolio.command;

import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.StateConflictException;
import fr.mutualis.kit.tenant.Caller;
import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.portfolio.messages.AdoptRoadmap;
import fr.mutualis.portfolio.messages.CloseRoadmap;
import fr.mutualis.portfolio.messages.DecisionEffect;
import fr.mutualis.portfolio.messages.DefineScenario;
import fr.mutualis.portfolio.messages.DraftRoadmap;
import fr.mutualis.portfolio.messages.ProjectProposed;
import fr.mutualis.portfolio.messages.ProposeProject;
import fr.mutualis.portfolio.messages.RoadmapAdopted;
import fr.mutualis.portfolio.messages.RoadmapClosed;
import fr.mutualis.portfolio.messages.RoadmapDrafted;
import fr.mutualis.portfolio.messages.RoadmapStatus;
import fr.mutualis.portfolio.messages.RoadmapWeightsSet;
import fr.mutualis.portfolio.messages.ScenarioDefined;
import fr.mutualis.portfolio.messages.ScenarioEnvelope;
import fr.mutualis.portfolio.messages.SetPriorityWeights;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A schéma directeur: a few years, the axes it commits to, the weights of its priorisation, and the projects
 * proposed under it. DRAFT until a governance decision adopts it, then CLOSED with its final assessment.
 * Command handlers on the roadmap itself return its new version: Axon's aggregate version, the sequence number of its
 * last event.
 */
@Aggregate
class Roadmap {

    static final int MAX_YEARS = 6;

    @AggregateIdentifier
    private UUID roadmapId;
    private Owner ownerId;
    private RoadmapStatus status;
    private int startYear;
    private int endYear;
    private UUID adoptedBy;

    protected Roadmap() {
    }

    @CommandHandler
    public Roadmap(DraftRoadmap command) {
        command.caller().requireManages(command.ownerId(), "Mutualisation", command.ownerId());
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
        command.caller().requireManages(ownerId, "Roadmap", roadmapId);
        if (status == RoadmapStatus.CLOSED) {
            throw new StateConflictException("Roadmap " + roadmapId + " is CLOSED: no project can be proposed on it",
                    status.name(), "roadmap-closed-proposal");
        }
        checkParticipants(command.participantSirens(), command.caller());
        createNew(Project.class, () -> new Project(new ProjectProposed(command.projectId(), roadmapId, ownerId,
                command.title(), command.description(), command.axis(), command.theme(), command.sponsor(),
                command.manager(), command.plannedStart(), command.plannedEnd(), command.estimatedInvestmentCents(),
                command.estimatedOperatingCents(), command.participantSirens())));
    }

    /**
     * A what-if scenario weighs the roadmap's projects against envelopes of its own years; at most one envelope per
     * year and section, so that the comparison is unambiguous. A closed roadmap's priorisation is final.
     */
    @CommandHandler
    public void handle(DefineScenario command) throws Exception {
        command.caller().requireManages(ownerId, "Roadmap", roadmapId);
        if (status == RoadmapStatus.CLOSED) {
            throw new StateConflictException("Roadmap " + roadmapId + " is CLOSED: its priorisation is final",
                    status.name(), "roadmap-closed-priorities");
        }
        Set<String> entered = new HashSet<>();
        for (int index = 0; index < command.envelopes().size(); index++) {
            ScenarioEnvelope envelope = command.envelopes().get(index);
            if (envelope.year() < startYear || envelope.year() > endYear) {
                throw new BusinessRuleViolationException("envelope-outside-roadmap", "envelopes[" + index + "].year",
                        "The roadmap covers " + startYear + "–" + endYear + ", not " + envelope.year(),
                        Map.of("year", envelope.year(), "startYear", startYear, "endYear", endYear));
            }
            if (!entered.add(envelope.year() + " " + envelope.section())) {
                throw new BusinessRuleViolationException("envelope-repeated", "envelopes[" + index + "]",
                        "A second envelope for " + envelope.section() + " in " + envelope.year(),
                        Map.of("year", envelope.year(), "section", envelope.section().name()));
            }
        }
        createNew(Scenario.class, () -> new Scenario(new ScenarioDefined(command.scenarioId(), roadmapId, ownerId,
                command.name(), List.copyOf(command.projectIds()), List.copyOf(command.envelopes()))));
    }

    /** Participating members only make sense for a mutualisation's project, and only its parties participate. */
    private void checkParticipants(Set<String> participants, Caller caller) {
        if (participants.isEmpty()) {
            return;
        }
        Set<String> parties = caller.partiesOf(ownerId).orElseThrow(() -> new BusinessRuleViolationException(
                "participants-need-a-mutualisation", "participantSirens",
                "Only a mutualisation's project has participating members; roadmap " + roadmapId + " is a tenant's own",
                Map.of()));
        List<String> outsiders = participants.stream().filter(siren -> !parties.contains(siren)).sorted().toList();
        if (!outsiders.isEmpty()) {
            throw new BusinessRuleViolationException("participant-not-member", "participantSirens",
                    "Not party to the mutualisation: " + String.join(", ", outsiders), Map.of("outsiders", outsiders));
        }
    }

    @CommandHandler
    public long handle(SetPriorityWeights command) {
        command.caller().requireManages(ownerId, "Roadmap", roadmapId);
        if (status == RoadmapStatus.CLOSED) {
            throw new StateConflictException("Roadmap " + roadmapId + " is CLOSED: its priorisation is final",
                    status.name(), "roadmap-closed-priorities");
        }
        command.weights().checkRange();
        apply(new RoadmapWeightsSet(roadmapId, ownerId, command.weights()));
        return getVersion();
    }

    /** Only an approved ROADMAP_ADOPTION decision of the roadmap's own governance adopts it. */
    @CommandHandler
    public DecisionEffect handle(AdoptRoadmap command) {
        if (!ownerId.equals(command.decidingOwner())) {
            return DecisionEffect.OTHER_OWNER;
        }
        if (command.decisionId().equals(adoptedBy)) {
            return DecisionEffect.ALREADY_APPLIED;
        }
        if (status != RoadmapStatus.DRAFT) {
            return DecisionEffect.WRONG_STATE;
        }
        apply(new RoadmapAdopted(roadmapId, ownerId, command.decisionId(), command.adoptedOn(), startYear, endYear));
        return DecisionEffect.APPLIED;
    }

    @CommandHandler
    public long handle(CloseRoadmap command) {
        command.caller().requireManages(ownerId, "Roadmap", roadmapId);
        if (status != RoadmapStatus.ADOPTED) {
            throw new StateConflictException("Roadmap " + roadmapId + " is " + status + ": only an ADOPTED roadmap is closed",
                    status.name(), "roadmap-not-adopted");
        }
        apply(new RoadmapClosed(roadmapId, ownerId, command.finalAssessment()));
        return getVersion();
    }

    @EventSourcingHandler
    void on(RoadmapDrafted event) {
        roadmapId = event.roadmapId();
        ownerId = event.ownerId();
        startYear = event.startYear();
        endYear = event.endYear();
        status = RoadmapStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(RoadmapAdopted event) {
        status = RoadmapStatus.ADOPTED;
        adoptedBy = event.decisionId();
    }

    @EventSourcingHandler
    void on(RoadmapClosed event) {
        status = RoadmapStatus.CLOSED;
    }

    RoadmapStatus status() {
        return status;
    }
}

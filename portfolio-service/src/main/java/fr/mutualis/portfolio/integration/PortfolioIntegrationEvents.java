package fr.mutualis.portfolio.integration;

import fr.mutualis.contracts.portfolio.ProjectAssessed;
import fr.mutualis.kit.integration.IntegrationEventMapper;
import fr.mutualis.kit.integration.OutboundEvent;
import fr.mutualis.portfolio.messages.AssessmentScores;
import fr.mutualis.portfolio.messages.Axis;
import fr.mutualis.portfolio.messages.MilestonePlanned;
import fr.mutualis.portfolio.messages.DecisionNotApplied;
import fr.mutualis.portfolio.messages.MilestoneReached;
import fr.mutualis.portfolio.messages.ProjectProposed;
import fr.mutualis.portfolio.messages.ProjectStatusChanged;
import fr.mutualis.portfolio.messages.RoadmapAdopted;
import fr.mutualis.portfolio.messages.RoadmapClosed;
import fr.mutualis.portfolio.messages.RoadmapDrafted;
import fr.mutualis.portfolio.messages.ScenarioChosen;
import fr.mutualis.portfolio.messages.ScenarioDefined;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What the portfolio tells the other contexts, in the published vocabulary of {@code contracts}. The roadmap's
 * priority weights stay internal: consumers get the scores, each roadmap ranks them its own way.
 */
@Component
public class PortfolioIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<OutboundEvent> map(Object domainEvent) {
        return Optional.ofNullable(switch (domainEvent) {
            case RoadmapDrafted e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.portfolio.RoadmapDrafted(
                    e.roadmapId(), e.ownerId().id(), e.title(), e.startYear(), e.endYear(),
                    e.axes().stream().map(Axis::name).sorted().toList()));
            case RoadmapAdopted e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.portfolio.RoadmapAdopted(
                    e.roadmapId(), e.ownerId().id(), e.decisionId(), e.adoptedOn(), e.startYear(), e.endYear()));
            case RoadmapClosed e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.portfolio.RoadmapClosed(
                    e.roadmapId(), e.ownerId().id(), e.finalAssessment()));
            case ProjectProposed e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.portfolio.ProjectProposed(
                    e.projectId(), e.roadmapId(), e.ownerId().id(), e.title(), e.axis().name(), e.theme().name(),
                    e.plannedStart(), e.plannedEnd(), e.estimatedInvestmentCents(), e.estimatedOperatingCents()));
            case fr.mutualis.portfolio.messages.ProjectAssessed e -> {
                AssessmentScores s = e.scores();
                yield new OutboundEvent(e.ownerId().id(), new ProjectAssessed(e.projectId(), e.roadmapId(), e.ownerId().id(),
                        s.strategicAlignment(), s.userValue(), s.agentValue(), s.legalObligation(), s.feasibility(),
                        s.risk()));
            }
            case ProjectStatusChanged e -> new OutboundEvent(e.ownerId().id(),
                    new fr.mutualis.contracts.portfolio.ProjectStatusChanged(e.projectId(), e.roadmapId(), e.ownerId().id(),
                            e.axis().name(), e.previousStatus().name(), e.status().name(), e.reason(), e.decisionId(),
                            e.effectiveOn()));
            case MilestonePlanned e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.portfolio.MilestonePlanned(
                    e.projectId(), e.milestoneId(), e.ownerId().id(), e.title(), e.plannedDate()));
            case MilestoneReached e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.portfolio.MilestoneReached(
                    e.projectId(), e.milestoneId(), e.ownerId().id(), e.plannedDate(), e.actualDate()));
            case ScenarioDefined e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.portfolio.ScenarioDefined(
                    e.scenarioId(), e.roadmapId(), e.ownerId().id(), e.name(), e.projectIds(),
                    e.envelopes().stream().map(envelope -> new fr.mutualis.contracts.portfolio.ScenarioDefined.Envelope(
                            envelope.year(), envelope.section().name(), envelope.amountCents())).toList()));
            case ScenarioChosen e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.portfolio.ScenarioChosen(
                    e.scenarioId(), e.roadmapId(), e.ownerId().id(), e.decisionId(), e.chosenOn()));
            case DecisionNotApplied e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.portfolio.DecisionNotApplied(
                    e.decisionId(), e.ownerId().id(), e.agendaItemKind(), e.subjectId(), e.reason().name()));
            default -> null;
        });
    }
}

package fr.mutualis.portfolio.integration;

import fr.mutualis.kit.integration.IntegrationEventMapper;
import fr.mutualis.kit.integration.OutboundEvent;
import fr.mutualis.portfolio.command.Axis;
import fr.mutualis.portfolio.command.ProjectProposed;
import fr.mutualis.portfolio.command.RoadmapDrafted;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** What the portfolio tells the other contexts, in the published vocabulary of {@code contracts}. */
@Component
public class PortfolioIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<OutboundEvent> map(Object domainEvent) {
        return Optional.ofNullable(switch (domainEvent) {
            case RoadmapDrafted e -> new OutboundEvent(e.ownerId(), new fr.mutualis.contracts.portfolio.RoadmapDrafted(
                    e.roadmapId(), e.ownerId(), e.title(), e.startYear(), e.endYear(),
                    e.axes().stream().map(Axis::name).sorted().toList()));
            case ProjectProposed e -> new OutboundEvent(e.ownerId(), new fr.mutualis.contracts.portfolio.ProjectProposed(
                    e.projectId(), e.roadmapId(), e.ownerId(), e.title(), e.axis().name(), e.theme().name(),
                    e.plannedStart(), e.plannedEnd(), e.estimatedInvestmentCents(), e.estimatedOperatingCents()));
            default -> null;
        });
    }
}

package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/**
 * Define a what-if scenario on a roadmap, which checks that the caller manages it and that the envelopes fall in its
 * years. {@code projectIds}: the PROPOSED or ASSESSED projects picked (checked against the read models by the API).
 */
public record DefineScenario(@TargetAggregateIdentifier UUID roadmapId, UUID scenarioId, Caller caller, String name,
                             List<UUID> projectIds, List<ScenarioEnvelope> envelopes) {
}

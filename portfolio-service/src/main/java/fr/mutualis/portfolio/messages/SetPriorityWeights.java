package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.UUID;

/** Decide how much each assessment criterion counts in the priority of the roadmap's projects. */
public record SetPriorityWeights(@TargetAggregateIdentifier UUID roadmapId, Caller caller, PriorityWeights weights,
                                 @TargetAggregateVersion Long expectedVersion) {
}

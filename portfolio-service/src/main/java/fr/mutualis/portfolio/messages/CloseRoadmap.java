package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.UUID;

/** End an adopted roadmap with its final assessment (bilan). */
public record CloseRoadmap(@TargetAggregateIdentifier UUID roadmapId, Caller caller, String finalAssessment,
                           @TargetAggregateVersion Long expectedVersion) {
}

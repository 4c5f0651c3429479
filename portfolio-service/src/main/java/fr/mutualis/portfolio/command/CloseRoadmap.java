package fr.mutualis.portfolio.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.UUID;

/** End an adopted roadmap with its final assessment (bilan). */
public record CloseRoadmap(@TargetAggregateIdentifier UUID roadmapId, Actor actor, String finalAssessment,
                           @TargetAggregateVersion Long expectedVersion) {
}

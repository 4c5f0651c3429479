package fr.mutualis.portfolio.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Propose a project on a roadmap; the roadmap checks that the acting tenant may add to it. */
public record ProposeProject(@TargetAggregateIdentifier UUID roadmapId, UUID projectId, String actingTenant,
                             String title, String description, Axis axis, Theme theme, String sponsor, String manager,
                             LocalDate plannedStart, LocalDate plannedEnd, long estimatedInvestmentCents,
                             long estimatedOperatingCents) {
}

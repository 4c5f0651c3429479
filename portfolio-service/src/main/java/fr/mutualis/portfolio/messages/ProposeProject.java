package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Propose a project on a roadmap; the roadmap checks that the caller manages it. {@code participantSirens}: the
 * members taking part, for a mutualisation's project only.
 */
public record ProposeProject(@TargetAggregateIdentifier UUID roadmapId, UUID projectId, Caller caller,
                             String title, String description, Axis axis, Theme theme, String sponsor, String manager,
                             LocalDate plannedStart, LocalDate plannedEnd, long estimatedInvestmentCents,
                             long estimatedOperatingCents, Set<String> participantSirens) {
}

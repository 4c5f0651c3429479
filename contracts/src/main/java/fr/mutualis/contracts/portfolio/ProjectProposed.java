package fr.mutualis.contracts.portfolio;

import fr.mutualis.contracts.IntegrationEvent;

import java.time.LocalDate;
import java.util.UUID;

/** A project entered the portfolio in status PROPOSED. */
@IntegrationEvent(type = "portfolio.ProjectProposed")
public record ProjectProposed(UUID projectId, UUID roadmapId, String ownerId, String title, String axis,
                              String theme, LocalDate plannedStart, LocalDate plannedEnd,
                              long estimatedInvestmentCents, long estimatedOperatingCents) {
}

package fr.mutualis.contracts.portfolio;

import fr.mutualis.contracts.IntegrationEvent;

import java.time.LocalDate;
import java.util.UUID;

/** A milestone was planned on a project. */
@IntegrationEvent(type = "portfolio.MilestonePlanned")
public record MilestonePlanned(UUID projectId, UUID milestoneId, String ownerId, String title, LocalDate plannedDate) {
}

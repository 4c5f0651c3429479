package fr.mutualis.contracts.portfolio;

import fr.mutualis.contracts.IntegrationEvent;

import java.time.LocalDate;
import java.util.UUID;

/** A milestone was reached; slippage is {@code actualDate - plannedDate} in days. */
@IntegrationEvent(type = "portfolio.MilestoneReached")
public record MilestoneReached(UUID projectId, UUID milestoneId, String ownerId, LocalDate plannedDate,
                               LocalDate actualDate) {
}

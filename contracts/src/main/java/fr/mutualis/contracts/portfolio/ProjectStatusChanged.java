package fr.mutualis.contracts.portfolio;

import fr.mutualis.contracts.IntegrationEvent;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A project moved in its lifecycle (ASSESSED, APPROVED, IN_PROGRESS, ON_HOLD, DELIVERED, CLOSED, CANCELLED).
 * Carries the axis so that consumers counting projects per axis need no other event.
 */
@IntegrationEvent(type = "portfolio.ProjectStatusChanged")
public record ProjectStatusChanged(UUID projectId, UUID roadmapId, String ownerId, String axis, String previousStatus,
                                   String status, String reason, UUID decisionId, LocalDate effectiveOn) {
}

package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Owner;

import java.time.LocalDate;
import java.util.UUID;

/** A project moved in its lifecycle; {@code decisionId} names the governance decision behind an approval. */
public record ProjectStatusChanged(UUID projectId, UUID roadmapId, Owner ownerId, Axis axis,
                                   ProjectStatus previousStatus, ProjectStatus status, String reason, UUID decisionId,
                                   LocalDate effectiveOn) {
}

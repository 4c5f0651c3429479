package fr.mutualis.governance.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A séance in its instance's list: when, whether it was held, whether it reached quorum. */
public record SessionSummary(UUID id, Instant scheduledAt, String status, LocalDate heldOn, boolean quorumReached,
                             UUID reconvenedFrom) {
}

package fr.mutualis.governance.messages;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** @param quorumWaived true for an assembly's séance re-convened after one without quorum */
public record SessionScheduled(UUID instanceId, UUID sessionId, Instant scheduledAt, List<AgendaItem> agenda,
                               UUID reconvenedFrom, boolean quorumWaived) {
}

package fr.mutualis.governance.messages;

import fr.mutualis.kit.tenant.Owner;
import java.time.LocalDate;
import java.util.UUID;

/** The séance is over: its procès-verbal ({@code minutes}) is published and its decisions are final. */
public record SessionClosed(UUID instanceId, UUID sessionId, Owner ownerId, LocalDate heldOn,
                            boolean quorumReached, int decisionCount, String minutes) {
}

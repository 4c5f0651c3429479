package fr.mutualis.contracts.governance;

import fr.mutualis.contracts.IntegrationEvent;

import java.time.LocalDate;
import java.util.UUID;

/** A session was held and closed, its minutes published (counts toward the instance's cadence). */
@IntegrationEvent(type = "governance.SessionClosed")
public record SessionClosed(UUID sessionId, UUID instanceId, String ownerId, LocalDate heldOn, int decisionCount) {
}

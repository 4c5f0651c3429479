package fr.mutualis.contracts.governance;

import fr.mutualis.contracts.IntegrationEvent;

import java.util.UUID;

/** A governance instance was set up; its cadence is what cadence compliance is measured against. */
@IntegrationEvent(type = "governance.InstanceCreated")
public record InstanceCreated(UUID instanceId, String ownerId, String name, String kind, String cadence) {
}

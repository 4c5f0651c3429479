package fr.mutualis.governance.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.UUID;

public record CloseSession(@TargetAggregateIdentifier UUID instanceId, UUID sessionId, String actingTenant,
                           @TargetAggregateVersion Long expectedVersion) {
}

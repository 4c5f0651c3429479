package fr.mutualis.governance.messages;

import fr.mutualis.kit.tenant.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.UUID;

public record CloseSession(@TargetAggregateIdentifier UUID instanceId, UUID sessionId, Caller caller,
                           @TargetAggregateVersion Long expectedVersion) {
}

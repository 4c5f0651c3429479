package fr.mutualis.governance.messages;

import fr.mutualis.kit.tenant.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Set;
import java.util.UUID;

/** The members present (personIds); replaces the previous roll call. */
public record RecordAttendance(@TargetAggregateIdentifier UUID instanceId, UUID sessionId, Caller caller,
                               Set<String> present, @TargetAggregateVersion Long expectedVersion) {
}

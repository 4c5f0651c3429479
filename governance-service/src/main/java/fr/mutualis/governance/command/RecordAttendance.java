package fr.mutualis.governance.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Set;
import java.util.UUID;

/** The members present (personIds); replaces the previous roll call. */
public record RecordAttendance(@TargetAggregateIdentifier UUID instanceId, UUID sessionId, String actingTenant,
                               Set<String> present, @TargetAggregateVersion Long expectedVersion) {
}

package fr.mutualis.governance.messages;

import fr.mutualis.kit.tenant.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Convene a séance; {@code reconvenedFrom} names the earlier séance of the assembly that lacked quorum,
 * {@code convenedAt} the day the convocation was sent, {@code urgent} a convocation in urgency.
 */
public record ScheduleSession(@TargetAggregateIdentifier UUID instanceId, UUID sessionId, Caller caller,
                              Instant scheduledAt, List<AgendaItem> agenda, UUID reconvenedFrom,
                              @TargetAggregateVersion Long expectedVersion, LocalDate convenedAt, boolean urgent) {
}

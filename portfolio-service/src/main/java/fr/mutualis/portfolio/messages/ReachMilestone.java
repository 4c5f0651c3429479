package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.UUID;

public record ReachMilestone(@TargetAggregateIdentifier UUID projectId, UUID milestoneId, Caller caller,
                             LocalDate actualDate, LocalDate today, @TargetAggregateVersion Long expectedVersion) {
}

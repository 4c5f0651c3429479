package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.UUID;

/** Start, hold, resume, deliver, close or cancel a project, when its lifecycle allows it. */
public record MoveProject(@TargetAggregateIdentifier UUID projectId, Caller caller, ProjectTransition transition,
                          String reason, LocalDate today, @TargetAggregateVersion Long expectedVersion) {
}

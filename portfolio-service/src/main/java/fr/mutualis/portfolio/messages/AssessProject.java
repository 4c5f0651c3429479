package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Caller;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.UUID;

/** Score a project on the six priorisation criteria (first assessment or re-assessment before the gate). */
public record AssessProject(@TargetAggregateIdentifier UUID projectId, Caller caller, AssessmentScores scores,
                            LocalDate today, @TargetAggregateVersion Long expectedVersion) {
}

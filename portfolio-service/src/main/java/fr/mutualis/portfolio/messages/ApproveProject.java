package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Owner;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Apply an approved PROJECT_GATE decision of governance, taken by an instance of {@code decidingOwner}. */
public record ApproveProject(@TargetAggregateIdentifier UUID projectId, UUID decisionId, Owner decidingOwner,
                             LocalDate decidedOn) {
}

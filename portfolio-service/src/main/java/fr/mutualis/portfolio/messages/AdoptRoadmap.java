package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Owner;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Apply an approved ROADMAP_ADOPTION decision of governance, taken by an instance of {@code decidingOwner}. */
public record AdoptRoadmap(@TargetAggregateIdentifier UUID roadmapId, UUID decisionId, Owner decidingOwner,
                           LocalDate adoptedOn) {
}

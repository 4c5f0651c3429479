package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** A line is opened to spend the programme's CP; it must be of the programme's chapter. */
public record AttachLineToProgramme(@TargetAggregateIdentifier UUID programmeId, Owner ownerId, UUID lineId,
                                    String chapter, int fiscalYear) {
}

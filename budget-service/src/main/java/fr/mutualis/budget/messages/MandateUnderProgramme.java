package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** A mandate on one of the programme's lines consumes the CP of the line's fiscal year. */
public record MandateUnderProgramme(@TargetAggregateIdentifier UUID programmeId, Owner ownerId, UUID mandateId,
                                    UUID lineId, int year, long amountCents) {
}

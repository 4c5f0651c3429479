package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** An engagement on one of the programme's lines also consumes the AP amount. */
public record EngageProgramme(@TargetAggregateIdentifier UUID programmeId, Owner ownerId, UUID engagementId,
                              UUID lineId, long amountCents) {
}

package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;

import java.util.UUID;

public record ProgrammeMandated(UUID programmeId, Owner ownerId, UUID mandateId, UUID lineId, int year, long amountCents) {
}

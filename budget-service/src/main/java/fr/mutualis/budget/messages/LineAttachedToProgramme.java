package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;

import java.util.UUID;

public record LineAttachedToProgramme(UUID programmeId, Owner ownerId, UUID lineId, int fiscalYear) {
}

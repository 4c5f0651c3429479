package fr.mutualis.budget.command;

import java.util.UUID;

public record LineAttachedToProgramme(UUID programmeId, String ownerId, UUID lineId, int fiscalYear) {
}

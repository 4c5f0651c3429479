package fr.mutualis.budget.command;

import java.util.UUID;

public record LineAttachedToProgramme(UUID programmeId, UUID lineId, int fiscalYear) {
}

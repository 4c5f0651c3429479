package fr.mutualis.contracts.budget;

import fr.mutualis.contracts.IntegrationEvent;

import java.util.UUID;

/** A budget line was opened to spend a programme's CP: its engagements and mandates also count against the programme. */
@IntegrationEvent(type = "budget.LineAttachedToProgramme")
public record LineAttachedToProgramme(UUID programmeId, String ownerId, UUID lineId, int fiscalYear) {
}

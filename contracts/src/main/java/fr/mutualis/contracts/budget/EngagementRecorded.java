package fr.mutualis.contracts.budget;

import fr.mutualis.contracts.IntegrationEvent;

import java.time.LocalDate;
import java.util.UUID;

/** A legal commitment (engagement juridique) was made on a budget line. */
@IntegrationEvent(type = "budget.EngagementRecorded")
public record EngagementRecorded(UUID engagementId, UUID lineId, String ownerId, int fiscalYear, String section,
                                 UUID projectId, long amountCents, String reference, LocalDate date) {
}

package fr.mutualis.contracts.budget;

import fr.mutualis.contracts.IntegrationEvent;

import java.time.LocalDate;
import java.util.UUID;

/** A payment order (mandat) was issued against an engagement. */
@IntegrationEvent(type = "budget.MandateRecorded")
public record MandateRecorded(UUID mandateId, UUID engagementId, UUID lineId, String ownerId, int fiscalYear,
                              String section, UUID projectId, long amountCents, String reference, LocalDate date) {
}

package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;

import java.time.LocalDate;
import java.util.UUID;

public record MandateRecorded(UUID mandateId, UUID engagementId, UUID lineId, Owner ownerId, int fiscalYear,
                              Section section, UUID projectId, UUID programmeId, long amountCents, String reference,
                              LocalDate date) {
}

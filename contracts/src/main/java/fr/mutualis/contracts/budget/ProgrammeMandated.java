package fr.mutualis.contracts.budget;

import fr.mutualis.contracts.IntegrationEvent;

import java.util.UUID;

/** A mandate on one of a programme's lines consumed {@code amountCents} of the CP of {@code year}. */
@IntegrationEvent(type = "budget.ProgrammeMandated")
public record ProgrammeMandated(UUID programmeId, String ownerId, UUID mandateId, UUID lineId, int year, long amountCents) {
}

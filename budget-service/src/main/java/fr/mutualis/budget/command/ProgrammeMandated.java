package fr.mutualis.budget.command;

import java.util.UUID;

public record ProgrammeMandated(UUID programmeId, String ownerId, UUID mandateId, UUID lineId, int year, long amountCents) {
}

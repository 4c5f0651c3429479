package fr.mutualis.budget.query;

import java.time.LocalDate;
import java.util.UUID;

public record MandateView(UUID id, UUID engagementId, UUID lineId, long amountCents, String reference, LocalDate date) {
}

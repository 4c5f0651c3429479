package fr.mutualis.budget.query;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record EngagementView(UUID id, UUID lineId, UUID programmeId, long amountCents, long mandatedCents,
                             String reference, LocalDate date, List<MandateView> mandates) {
}

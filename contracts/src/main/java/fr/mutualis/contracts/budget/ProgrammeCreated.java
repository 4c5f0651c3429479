package fr.mutualis.contracts.budget;

import fr.mutualis.contracts.IntegrationEvent;

import java.util.List;
import java.util.UUID;

/**
 * A multi-year programme was authorised (AP, or AE on an operating chapter) with its CP schedule, which sums exactly
 * to {@code amountCents}.
 */
@IntegrationEvent(type = "budget.ProgrammeCreated")
public record ProgrammeCreated(UUID programmeId, String ownerId, String label, String chapter, String section,
                               UUID projectId, long amountCents, List<ScheduledCredit> schedule) {

    /** The CP of one year, in euro cents. */
    public record ScheduledCredit(int year, long amountCents) {
    }
}

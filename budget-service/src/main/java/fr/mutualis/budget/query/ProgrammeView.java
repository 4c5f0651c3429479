package fr.mutualis.budget.query;

import fr.mutualis.budget.messages.ScheduledCredit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An AP with its current CP schedule (and what was mandated each year) and its revision history, oldest first. */
public record ProgrammeView(UUID id, String ownerId, String label, String chapter, String section, UUID projectId,
                            long amountCents, long engagedCents, long mandatedCents, int revision,
                            List<ScheduleYear> schedule, List<Revision> revisions, long version) {

    public record ScheduleYear(int year, long cpCents, long mandatedCents, long availableCents) {
    }

    /** Revision 0 is the initial authorisation. */
    public record Revision(int revision, long amountCents, List<ScheduledCredit> schedule, String reason, UUID decisionId,
                           Instant revisedAt, String revisedBy) {
    }
}

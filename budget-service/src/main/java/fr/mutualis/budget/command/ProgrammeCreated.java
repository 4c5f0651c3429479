package fr.mutualis.budget.command;

import java.util.List;
import java.util.UUID;

public record ProgrammeCreated(UUID programmeId, String ownerId, String label, String chapter, Section section,
                               UUID projectId, long amountCents, List<ScheduledCredit> schedule) {
}

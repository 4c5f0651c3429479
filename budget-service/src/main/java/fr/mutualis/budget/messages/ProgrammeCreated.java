package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;

import java.util.List;
import java.util.UUID;

public record ProgrammeCreated(UUID programmeId, Owner ownerId, String label, String chapter, Section section,
                               UUID projectId, long amountCents, List<ScheduledCredit> schedule) {
}

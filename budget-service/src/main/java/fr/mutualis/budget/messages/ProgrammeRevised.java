package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;

import java.util.List;
import java.util.UUID;

/** The history of an AP: each revision keeps what it replaced. */
public record ProgrammeRevised(UUID programmeId, Owner ownerId, int revision, long amountCents,
                               List<ScheduledCredit> schedule, String reason, UUID decisionId, long previousAmountCents,
                               List<ScheduledCredit> previousSchedule) {
}

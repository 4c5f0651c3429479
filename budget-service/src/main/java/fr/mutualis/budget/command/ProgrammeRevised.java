package fr.mutualis.budget.command;

import java.util.List;
import java.util.UUID;

/** The history of an AP: each revision keeps what it replaced. */
public record ProgrammeRevised(UUID programmeId, String ownerId, int revision, long amountCents,
                               List<ScheduledCredit> schedule, String reason, UUID decisionId, long previousAmountCents,
                               List<ScheduledCredit> previousSchedule) {
}

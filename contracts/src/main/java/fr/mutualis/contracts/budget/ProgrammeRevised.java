package fr.mutualis.contracts.budget;

import fr.mutualis.contracts.IntegrationEvent;

import java.util.List;
import java.util.UUID;

/** A programme was revised by a new decision: its new amount and CP schedule ({@code revision} counts from 1). */
@IntegrationEvent(type = "budget.ProgrammeRevised")
public record ProgrammeRevised(UUID programmeId, String ownerId, int revision, long amountCents,
                               List<ProgrammeCreated.ScheduledCredit> schedule, String reason, UUID decisionId) {
}

package fr.mutualis.governance.messages;

import java.util.UUID;

/** An amount submitted to arbitration for a budget line or for a project, in euro cents. */
public record ArbitratedAmount(UUID budgetLineId, UUID projectId, long amountCents) {
}

package fr.mutualis.contracts.budget;

import fr.mutualis.contracts.IntegrationEvent;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Credits moved from one line to another of the same section; {@code betweenChapters} false when both lines are of
 * one chapter (then the transfer uses nothing of the delegated rate). Each line's new credits follow as
 * {@link LineCreditsTransferred}.
 */
@IntegrationEvent(type = "budget.CreditTransferMade")
public record CreditTransferMade(UUID transferId, String ownerId, int fiscalYear, String section, UUID fromLineId,
                                 String fromChapter, UUID toLineId, String toChapter, long amountCents,
                                 boolean betweenChapters, String reason, LocalDate date) {
}

package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Credits were moved from one line to another of the same section. {@code countedCents} is what the transfer used of
 * the delegated rate: the amount between two chapters, zero between two lines of one chapter.
 */
public record CreditTransferMade(UUID budgetYearId, Owner ownerId, int fiscalYear, UUID transferId, Section section,
                                 UUID fromLineId, String fromChapter, UUID toLineId, String toChapter, long amountCents,
                                 long countedCents, String reason, LocalDate date) {
}

package fr.mutualis.budget.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A transfer of credits between two lines of one section; {@code betweenChapters} false when both lines are of one
 * chapter (then it uses nothing of the delegated rate).
 */
public record CreditTransferView(UUID id, String ownerId, int fiscalYear, String section, UUID fromLineId,
                                 String fromChapter, UUID toLineId, String toChapter, long amountCents,
                                 boolean betweenChapters, String reason, LocalDate date, Instant recordedAt) {
}

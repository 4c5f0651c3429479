package fr.mutualis.budget.query;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The transfers between chapters of one owner's fiscal year: per section, the rate the assembly delegated, its base
 * (the section's credits), the ceiling it gives, what was already transferred and what remains; then every transfer,
 * in the order they were made. {@code deliberation} is null while no rate was voted (then nothing may move between
 * chapters).
 */
public record ChapterTransfers(int fiscalYear, String ownerId, UUID mutualisationId, String deliberation,
                               Delegation investment, Delegation operating, List<CreditTransferView> transfers) {

    public record Delegation(BigDecimal ratePercent, long baseCents, long ceilingCents, long transferredCents,
                          long remainingCents) {
    }
}

package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What the rest of the service knows of the budget of one owner's fiscal year: its id, derived from (owner, year) so
 * that votes and transfers find it without an index, and the arithmetic of the rate delegated for transfers between
 * chapters, which the aggregate enforces and the read side shows.
 */
public final class BudgetYears {

    /** The legal maximum of the delegation: 7.5 % of a section's real expenditure. */
    public static final int MAX_RATE_BASIS_POINTS = 750;

    public static UUID idOf(Owner ownerId, int fiscalYear) {
        return UUID.nameUUIDFromBytes(("budget-year:" + ownerId.id() + ":" + fiscalYear).getBytes(StandardCharsets.UTF_8));
    }

    /** Whole cents, rounded down: the delegation never allows more than its rate. */
    public static long ceiling(long baseCents, int basisPoints) {
        return BigDecimal.valueOf(baseCents).multiply(BigDecimal.valueOf(basisPoints))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.FLOOR).longValueExact();
    }

    public static BigDecimal percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros();
    }

    private BudgetYears() {
    }
}

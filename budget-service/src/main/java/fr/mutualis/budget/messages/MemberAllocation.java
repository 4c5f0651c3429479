package fr.mutualis.budget.messages;

import java.math.BigDecimal;

/** A member's part of a shared cost: its weight under the key and the cents it pays. */
public record MemberAllocation(String siren, BigDecimal weight, long amountCents) {
}

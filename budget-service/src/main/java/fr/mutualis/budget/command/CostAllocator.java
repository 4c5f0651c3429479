package fr.mutualis.budget.command;

import fr.mutualis.budget.messages.MemberAllocation;
import fr.mutualis.kit.money.LargestRemainder;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits a cost in integer cents pro rata weights with the kit's largest-remainder method: each member first gets
 * the floor of its exact share, then the cents left over go one each to the largest remainders, ties to the lowest
 * SIREN. Exact rational arithmetic (no floating point): the parts sum exactly to the cost, none is negative, and the
 * result depends only on the weights, not on the order they are given in.
 */
final class CostAllocator {

    /**
     * @param weights non-negative weights by SIREN, not all zero
     * @return one allocation per SIREN, in SIREN order
     */
    public static List<MemberAllocation> allocate(long costCents, Map<String, BigDecimal> weights) {
        TreeMap<String, BigDecimal> sorted = new TreeMap<>(weights);
        int scale = sorted.values().stream().mapToInt(weight -> Math.max(weight.stripTrailingZeros().scale(), 0)).max().orElse(0);
        TreeMap<String, BigInteger> units = new TreeMap<>();
        sorted.forEach((siren, weight) -> units.put(siren, weight.movePointRight(scale).toBigIntegerExact()));
        return LargestRemainder.split(costCents, units).entrySet().stream()
                .map(part -> new MemberAllocation(part.getKey(), sorted.get(part.getKey()), part.getValue()))
                .toList();
    }

    private CostAllocator() {
    }
}

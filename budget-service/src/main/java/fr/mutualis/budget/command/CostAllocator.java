package fr.mutualis.budget.command;

import fr.mutualis.budget.messages.MemberAllocation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits a cost in integer cents pro rata weights with the largest-remainder method: each member first gets the
 * floor of its exact share, then the cents left over go one each to the largest remainders, ties to the lowest
 * SIREN. Exact rational arithmetic (no floating point): the parts sum exactly to the cost, none is negative, and the
 * result depends only on the weights, not on the order they are given in.
 */
final class CostAllocator {

    /**
     * @param weights non-negative weights by SIREN, not all zero
     * @return one allocation per SIREN, in SIREN order
     */
    public static List<MemberAllocation> allocate(long costCents, Map<String, BigDecimal> weights) {
        if (costCents < 0) {
            throw new IllegalArgumentException("A cost cannot be negative");
        }
        TreeMap<String, BigDecimal> sorted = new TreeMap<>(weights);
        int scale = sorted.values().stream().mapToInt(weight -> Math.max(weight.stripTrailingZeros().scale(), 0)).max().orElse(0);
        TreeMap<String, BigInteger> units = new TreeMap<>();
        sorted.forEach((siren, weight) -> {
            if (weight.signum() < 0) {
                throw new IllegalArgumentException("Weight of " + siren + " is negative");
            }
            units.put(siren, weight.movePointRight(scale).toBigIntegerExact());
        });
        BigInteger total = units.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
        if (total.signum() == 0) {
            throw new IllegalArgumentException("The weights sum to zero");
        }
        BigInteger cost = BigInteger.valueOf(costCents);
        List<Share> shares = new ArrayList<>();
        long floors = 0;
        for (var entry : units.entrySet()) {
            BigInteger[] division = cost.multiply(entry.getValue()).divideAndRemainder(total);
            shares.add(new Share(entry.getKey(), division[0].longValueExact(), division[1]));
            floors += division[0].longValueExact();
        }
        long leftover = costCents - floors;
        List<Share> byRemainder = shares.stream()
                .sorted(Comparator.comparing(Share::remainder).reversed().thenComparing(Share::siren))
                .toList();
        Map<String, Long> extra = new TreeMap<>();
        for (int i = 0; i < leftover; i++) {
            extra.put(byRemainder.get(i).siren(), 1L);
        }
        return shares.stream()
                .map(share -> new MemberAllocation(share.siren(), sorted.get(share.siren()),
                        share.floor() + extra.getOrDefault(share.siren(), 0L)))
                .toList();
    }

    private record Share(String siren, long floor, BigInteger remainder) {
    }

    private CostAllocator() {
    }
}

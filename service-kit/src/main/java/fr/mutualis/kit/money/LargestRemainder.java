package fr.mutualis.kit.money;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Splits an amount in integer cents pro rata non-negative integer weights with the largest-remainder method: each
 * key first gets the floor of its exact share, then the cents left over go one each to the largest remainders, ties
 * to the lowest key. Exact (no floating point): the parts sum exactly to the amount and none is negative; equal
 * weights give parts that differ by at most one cent, the extra cents on the lowest keys.
 */
public final class LargestRemainder {

    /**
     * @param weights non-negative weights, not all zero, in key order (the order ties are broken in)
     * @return one part per key, in key order
     */
    public static <K> Map<K, Long> split(long amountCents, SortedMap<K, BigInteger> weights) {
        if (amountCents < 0) {
            throw new IllegalArgumentException("An amount to split cannot be negative");
        }
        BigInteger total = BigInteger.ZERO;
        for (var entry : weights.entrySet()) {
            if (entry.getValue().signum() < 0) {
                throw new IllegalArgumentException("Weight of " + entry.getKey() + " is negative");
            }
            total = total.add(entry.getValue());
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("The weights sum to zero");
        }
        BigInteger amount = BigInteger.valueOf(amountCents);
        List<Share<K>> shares = new ArrayList<>();
        long floors = 0;
        int rank = 0;
        for (var entry : weights.entrySet()) {
            BigInteger[] division = amount.multiply(entry.getValue()).divideAndRemainder(total);
            shares.add(new Share<>(entry.getKey(), rank++, division[0].longValueExact(), division[1]));
            floors += division[0].longValueExact();
        }
        long leftover = amountCents - floors;
        List<Share<K>> byRemainder = shares.stream()
                .sorted(Comparator.comparing((Share<K> share) -> share.remainder()).reversed()
                        .thenComparingInt(Share::rank))
                .toList();
        long[] parts = shares.stream().mapToLong(Share::floor).toArray();
        for (int i = 0; i < leftover; i++) {
            parts[byRemainder.get(i).rank()]++;
        }
        Map<K, Long> split = new LinkedHashMap<>();
        for (Share<K> share : shares) {
            split.put(share.key(), parts[share.rank()]);
        }
        return split;
    }

    private record Share<K>(K key, int rank, long floor, BigInteger remainder) {
    }

    private LargestRemainder() {
    }
}

package fr.mutualis.budget.command;

import fr.mutualis.budget.messages.MemberAllocation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The allocation's invariants hold for any cost and any weights, not only for the examples. */
class CostAllocatorProperties {

    @Property(tries = 300)
    void theAllocationsSumExactlyToTheCost(@ForAll @LongRange(max = 1_000_000_000_000L) long cost,
                                           @ForAll("weights") Map<String, BigDecimal> weights) {
        List<MemberAllocation> split = CostAllocator.allocate(cost, weights);
        assertThat(split.stream().mapToLong(MemberAllocation::amountCents).sum()).isEqualTo(cost);
        assertThat(split).hasSize(weights.size());
    }

    @Property(tries = 300)
    void noShareIsNegativeAndEachIsWithinACentOfItsExactShare(@ForAll @LongRange(max = 1_000_000_000_000L) long cost,
                                                            @ForAll("weights") Map<String, BigDecimal> weights) {
        BigDecimal total = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        for (MemberAllocation allocation : CostAllocator.allocate(cost, weights)) {
            assertThat(allocation.amountCents()).isNotNegative();
            BigDecimal exact = BigDecimal.valueOf(cost).multiply(weights.get(allocation.siren())).divide(total, 10, RoundingMode.HALF_EVEN);
            assertThat(BigDecimal.valueOf(allocation.amountCents()).subtract(exact).abs()).isLessThan(BigDecimal.ONE);
        }
    }

    @Property(tries = 300)
    void theOrderOfTheMembersChangesNothing(@ForAll @LongRange(max = 1_000_000_000L) long cost,
                                            @ForAll("weights") Map<String, BigDecimal> weights, @ForAll long seed) {
        List<Map.Entry<String, BigDecimal>> entries = new ArrayList<>(weights.entrySet());
        Collections.shuffle(entries, new Random(seed));
        Map<String, BigDecimal> shuffled = new LinkedHashMap<>();
        entries.forEach(entry -> shuffled.put(entry.getKey(), entry.getValue()));
        assertThat(CostAllocator.allocate(cost, shuffled)).isEqualTo(CostAllocator.allocate(cost, weights));
    }

    @Property(tries = 300)
    void aMemberWithAZeroWeightPaysNothing(@ForAll @LongRange(max = 1_000_000_000L) long cost,
                                           @ForAll("weights") Map<String, BigDecimal> weights) {
        Map<String, BigDecimal> withIdle = new LinkedHashMap<>(weights);
        withIdle.put("999999999", BigDecimal.ZERO);
        assertThat(CostAllocator.allocate(cost, withIdle)).filteredOn(allocation -> allocation.siren().equals("999999999"))
                .singleElement().extracting(MemberAllocation::amountCents).isEqualTo(0L);
    }

    /** 1 to 40 members by SIREN, weights as populations, units or percentages with decimals, not all zero. */
    @Provide
    Arbitrary<Map<String, BigDecimal>> weights() {
        Arbitrary<String> sirens = Arbitraries.strings().numeric().ofLength(9).filter(siren -> !siren.equals("999999999"));
        Arbitrary<BigDecimal> weight = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 2_000_000).map(BigDecimal::valueOf),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100")).ofScale(2));
        return Arbitraries.maps(sirens, weight).ofMinSize(1).ofMaxSize(40)
                .filter(map -> map.values().stream().anyMatch(value -> value.signum() > 0));
    }
}

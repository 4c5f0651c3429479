package fr.mutualis.budget.command;

import fr.mutualis.budget.messages.AllocateCosts;
import fr.mutualis.budget.messages.AllocationMethod;
import fr.mutualis.budget.messages.CostsAllocated;
import fr.mutualis.budget.messages.MemberAllocation;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CostAllocationTest {

    private static final String CAGV = "200000016";
    private static final String VALMONT = "210000022";
    private static final String SAINT_AUBIN = "210000030";
    private final UUID mutualisationId = UUID.randomUUID();
    private final UUID allocationId = AllocateCosts.idOf(mutualisationId, 2026);
    private AggregateTestFixture<CostAllocation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CostAllocation.class);
    }

    @Test
    void costsAreSplitProRataPopulationWithTheLargestRemainder() {
        // 100 000 cents × 80 000 / 92 000 = 86 956.52 → 86 957; × 12 000 / 92 000 = 13 043.47 → 13 043
        fixture.givenNoPriorActivity()
                .when(allocate(100_000, AllocationMethod.POPULATION, Map.of(VALMONT, weight(80_000), SAINT_AUBIN, weight(12_000))))
                .expectEvents(new CostsAllocated(allocationId, mutualisationId, CAGV, 2026, 100_000, AllocationMethod.POPULATION,
                        List.of(new MemberAllocation(VALMONT, weight(80_000), 86_957),
                                new MemberAllocation(SAINT_AUBIN, weight(12_000), 13_043))))
                .expectResultMessagePayload(List.of(new MemberAllocation(VALMONT, weight(80_000), 86_957),
                        new MemberAllocation(SAINT_AUBIN, weight(12_000), 13_043)));
    }

    @Test
    void aTieGoesToTheLowestSiren() {
        fixture.givenNoPriorActivity()
                .when(allocate(1, AllocationMethod.USAGE, Map.of(VALMONT, weight(1), SAINT_AUBIN, weight(1))))
                .expectEvents(new CostsAllocated(allocationId, mutualisationId, CAGV, 2026, 1, AllocationMethod.USAGE,
                        List.of(new MemberAllocation(VALMONT, weight(1), 1), new MemberAllocation(SAINT_AUBIN, weight(1), 0))));
    }

    @Test
    void aNewAllocationOfTheYearReplacesThePreviousOne() {
        fixture.given(new CostsAllocated(allocationId, mutualisationId, CAGV, 2026, 10, AllocationMethod.USAGE,
                        List.of(new MemberAllocation(VALMONT, weight(1), 10), new MemberAllocation(SAINT_AUBIN, weight(0), 0))))
                .when(allocate(20, AllocationMethod.USAGE, Map.of(VALMONT, weight(1), SAINT_AUBIN, weight(1))))
                .expectEvents(new CostsAllocated(allocationId, mutualisationId, CAGV, 2026, 20, AllocationMethod.USAGE,
                        List.of(new MemberAllocation(VALMONT, weight(1), 10), new MemberAllocation(SAINT_AUBIN, weight(1), 10))));
    }

    @Test
    void everyMemberNeedsAWeight() {
        fixture.givenNoPriorActivity()
                .when(allocate(100, AllocationMethod.POPULATION, Map.of(VALMONT, weight(80_000))))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("No POPULATION weight is known for member(s) " + SAINT_AUBIN)
                .expectNoEvents();
    }

    @Test
    void onlyMembersShareTheCost() {
        fixture.givenNoPriorActivity()
                .when(allocate(100, AllocationMethod.USAGE, Map.of(VALMONT, weight(1), SAINT_AUBIN, weight(1), "210000048", weight(1))))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("210000048 is not a member of mutualisation " + mutualisationId)
                .expectNoEvents();
    }

    @Test
    void fixedSharesSumToAHundredPercent() {
        fixture.givenNoPriorActivity()
                .when(allocate(100, AllocationMethod.FIXED_SHARES, Map.of(VALMONT, new BigDecimal("60"), SAINT_AUBIN, new BigDecimal("39.5"))))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("The convention's shares sum to 99.5 %, not 100 %")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(allocate(1_000, AllocationMethod.FIXED_SHARES, Map.of(VALMONT, new BigDecimal("60.5"), SAINT_AUBIN, new BigDecimal("39.5"))))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(org.hamcrest.Matchers.instanceOf(CostsAllocated.class))));
    }

    @Test
    void weightsThatAreAllZeroSplitNothing() {
        fixture.givenNoPriorActivity()
                .when(allocate(100, AllocationMethod.USAGE, Map.of(VALMONT, weight(0), SAINT_AUBIN, weight(0))))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aNegativeWeightIsRefused() {
        fixture.givenNoPriorActivity()
                .when(allocate(100, AllocationMethod.FIXED_SHARES, Map.of(VALMONT, weight(120), SAINT_AUBIN, weight(-20))))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void theAllocatorKeepsCentsExact() {
        List<MemberAllocation> split = CostAllocator.allocate(10, Map.of("3", weight(1), "1", weight(1), "2", weight(1)));
        assertThat(split).extracting(MemberAllocation::siren).containsExactly("1", "2", "3");
        assertThat(split).extracting(MemberAllocation::amountCents).containsExactly(4L, 3L, 3L);
    }

    private AllocateCosts allocate(long cost, AllocationMethod method, Map<String, BigDecimal> weights) {
        return new AllocateCosts(allocationId, mutualisationId, CAGV, 2026, cost, method, Set.of(VALMONT, SAINT_AUBIN), weights);
    }

    private static BigDecimal weight(long value) {
        return BigDecimal.valueOf(value);
    }
}

package fr.mutualis.budget.command;

import fr.mutualis.budget.messages.CpSchedule;
import fr.mutualis.budget.messages.MandateUnderProgramme;
import fr.mutualis.budget.messages.ProgrammeCreated;
import fr.mutualis.budget.messages.ProgrammeEngaged;
import fr.mutualis.budget.messages.ProgrammeMandated;
import fr.mutualis.budget.messages.ReviseProgramme;
import fr.mutualis.budget.messages.ScheduledCredit;
import fr.mutualis.budget.messages.Section;
import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AP/CP invariants for any schedule, consumption and revision: the programme accepts a revision exactly when
 * its schedule sums to its amount, covers every year's mandates and the amount covers the engagements; whatever
 * it accepts keeps the total of the CP equal to the AP (CP are moved, never lost).
 */
class ProgrammeScheduleProperties {

    private static final Owner OWNER = Owner.tenant("210000022");

    @Property(tries = 100)
    void aRevisionIsAcceptedExactlyWhenItKeepsTheInvariants(@ForAll("schedules") Map<Integer, Long> initial,
                                                            @ForAll("schedules") Map<Integer, Long> revised,
                                                            @ForAll @IntRange(min = -3, max = 3) int amountOffset,
                                                            @ForAll @IntRange(max = 100) int consumedPercent) {
        UUID programmeId = UUID.randomUUID();
        long amount = sum(initial);
        Map<Integer, Long> mandated = new TreeMap<>();
        initial.forEach((year, cp) -> mandated.put(year, cp * consumedPercent / 100));
        long engaged = mandated.values().stream().mapToLong(Long::longValue).sum();
        List<Object> history = new ArrayList<>();
        history.add(new ProgrammeCreated(programmeId, OWNER, "AP", "20", Section.INVESTMENT, null, amount, credits(initial)));
        history.add(new ProgrammeEngaged(programmeId, OWNER, UUID.randomUUID(), UUID.randomUUID(), engaged));
        mandated.forEach((year, cents) -> history.add(new ProgrammeMandated(programmeId, OWNER, UUID.randomUUID(), UUID.randomUUID(), year, cents)));

        long revisedAmount = Math.max(1, sum(revised) + amountOffset);
        boolean sumsToAmount = sum(revised) == revisedAmount;
        boolean coversMandates = mandated.entrySet().stream().allMatch(entry -> revised.getOrDefault(entry.getKey(), 0L) >= entry.getValue());
        boolean coversEngagements = revisedAmount >= engaged;

        var result = new AggregateTestFixture<>(Programme.class)
                .given(history)
                .when(new ReviseProgramme(programmeId, OWNER, null, revisedAmount, new CpSchedule(credits(revised)), "revision", null));
        if (sumsToAmount && coversMandates && coversEngagements) {
            result.expectSuccessfulHandlerExecution().expectState(programme -> {
                assertThat(programme.schedule().stream().mapToLong(ScheduledCredit::amountCents).sum()).isEqualTo(programme.amountCents());
                programme.mandatedByYear().forEach((year, cents) ->
                        assertThat(programme.schedule().stream().filter(credit -> credit.year() == year)
                                .mapToLong(ScheduledCredit::amountCents).sum()).isGreaterThanOrEqualTo(cents));
            });
        } else {
            result.expectException(BusinessRuleViolationException.class).expectNoEvents();
        }
    }

    @Property(tries = 100)
    void mandatesNeverExceedTheCpOfTheirYear(@ForAll("schedules") Map<Integer, Long> schedule,
                                             @ForAll("mandates") List<Long> amounts) {
        UUID programmeId = UUID.randomUUID();
        int year = schedule.keySet().iterator().next();
        List<Object> history = new ArrayList<>();
        history.add(new ProgrammeCreated(programmeId, OWNER, "AP", "20", Section.INVESTMENT, null, sum(schedule), credits(schedule)));
        long mandated = 0;
        for (long amount : amounts) {
            boolean fits = mandated + amount <= schedule.get(year);
            var result = new AggregateTestFixture<>(Programme.class).given(history)
                    .when(new MandateUnderProgramme(programmeId, OWNER, UUID.randomUUID(), UUID.randomUUID(), year, amount));
            if (fits) {
                result.expectSuccessfulHandlerExecution();
                history.add(new ProgrammeMandated(programmeId, OWNER, UUID.randomUUID(), UUID.randomUUID(), year, amount));
                mandated += amount;
            } else {
                result.expectException(BusinessRuleViolationException.class).expectNoEvents();
            }
            assertThat(mandated).isLessThanOrEqualTo(schedule.get(year));
        }
    }

    /** 1 to 5 years from 2026 to 2032 with CP of 0 to 10 000 cents, not all zero. */
    @Provide
    Arbitrary<Map<Integer, Long>> schedules() {
        return Arbitraries.maps(Arbitraries.integers().between(2026, 2032), Arbitraries.longs().between(0, 10_000))
                .ofMinSize(1).ofMaxSize(5)
                .filter(map -> sum(map) > 0)
                .map(TreeMap::new);
    }

    @Provide
    Arbitrary<List<Long>> mandates() {
        return Arbitraries.longs().between(1, 6_000).list().ofMinSize(1).ofMaxSize(6);
    }

    private static long sum(Map<Integer, Long> schedule) {
        return schedule.values().stream().mapToLong(Long::longValue).sum();
    }

    private static List<ScheduledCredit> credits(Map<Integer, Long> schedule) {
        return schedule.entrySet().stream().map(entry -> new ScheduledCredit(entry.getKey(), entry.getValue())).toList();
    }
}

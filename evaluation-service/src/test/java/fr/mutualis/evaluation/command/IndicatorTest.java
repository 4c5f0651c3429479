package fr.mutualis.evaluation.command;

import fr.mutualis.kit.error.BusinessRuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

class IndicatorTest {

    private final UUID id = UUID.randomUUID();
    private AggregateTestFixture<Indicator> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Indicator.class);
    }

    @Test
    void anIndicatorIsDefinedFromItsBaselineToItsTarget() {
        DefineIndicator command = define(Direction.UP, "40", "80", LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31));
        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(new IndicatorDefined(id, "210000022", ScopeKind.TENANT, "210000022", "Démarches en ligne", "%",
                        new BigDecimal("40"), command.baselineDate(), new BigDecimal("80"), command.targetDate(),
                        Direction.UP, Frequency.QUARTERLY));
    }

    @Test
    void theTargetDateComesAfterTheBaseline() {
        fixture.givenNoPriorActivity()
                .when(define(Direction.UP, "40", "80", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aDownIndicatorAimsBelowItsBaseline() {
        fixture.givenNoPriorActivity()
                .when(define(Direction.DOWN, "12", "20", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(define(Direction.DOWN, "12", "5", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anUpIndicatorAimsAboveItsBaseline() {
        fixture.givenNoPriorActivity()
                .when(define(Direction.UP, "40", "40", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)))
                .expectException(BusinessRuleViolationException.class);
    }

    private DefineIndicator define(Direction direction, String baseline, String target, LocalDate from, LocalDate to) {
        return new DefineIndicator(id, "210000022", ScopeKind.TENANT, "210000022", "Démarches en ligne", "%",
                new BigDecimal(baseline), from, new BigDecimal(target), to, direction, Frequency.QUARTERLY);
    }
}

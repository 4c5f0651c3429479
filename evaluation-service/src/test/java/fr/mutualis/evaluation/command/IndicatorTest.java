package fr.mutualis.evaluation.command;

import fr.mutualis.evaluation.messages.DefineIndicator;
import fr.mutualis.evaluation.messages.Direction;
import fr.mutualis.evaluation.messages.Frequency;
import fr.mutualis.evaluation.messages.IndicatorDefined;
import fr.mutualis.evaluation.messages.MeasurementRecorded;
import fr.mutualis.evaluation.messages.RecordMeasurement;
import fr.mutualis.evaluation.messages.ScopeKind;
import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

class IndicatorTest {

    private final UUID id = UUID.randomUUID();
    private AggregateTestFixture<Indicator> fixture;

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneId.of("Europe/Paris"));

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Indicator.class);
        fixture.registerInjectableResource(TODAY);
    }

    @Test
    void aMeasurementIsRecordedWithItsSource() {
        fixture.given(defined())
                .when(new RecordMeasurement(id, LocalDate.of(2026, 6, 30), new BigDecimal("52.5"), "Portail usagers", null))
                .expectEvents(new MeasurementRecorded(id, Owner.tenant("210000022"), LocalDate.of(2026, 6, 30), new BigDecimal("52.5"), "Portail usagers"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aMeasurementCanBeTakenTodayButNotBeforeTheBaselineNorInTheFuture() {
        fixture.given(defined())
                .when(new RecordMeasurement(id, LocalDate.of(2026, 11, 23), BigDecimal.ONE, "s", null))
                .expectSuccessfulHandlerExecution();
        fixture.given(defined())
                .when(new RecordMeasurement(id, LocalDate.of(2025, 12, 31), BigDecimal.ONE, "s", null))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
        fixture.given(defined())
                .when(new RecordMeasurement(id, LocalDate.of(2026, 11, 24), BigDecimal.ONE, "s", null))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    private IndicatorDefined defined() {
        return new IndicatorDefined(id, Owner.tenant("210000022"), ScopeKind.TENANT, "210000022", "Démarches en ligne", "%",
                new BigDecimal("40"), LocalDate.of(2026, 1, 1), new BigDecimal("80"), LocalDate.of(2028, 12, 31),
                Direction.UP, Frequency.QUARTERLY);
    }

    @Test
    void anIndicatorIsDefinedFromItsBaselineToItsTarget() {
        DefineIndicator command = define(Direction.UP, "40", "80", LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31));
        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(new IndicatorDefined(id, Owner.tenant("210000022"), ScopeKind.TENANT, "210000022", "Démarches en ligne", "%",
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
        return new DefineIndicator(id, Owner.tenant("210000022"), ScopeKind.TENANT, "210000022", "Démarches en ligne", "%",
                new BigDecimal(baseline), from, new BigDecimal(target), to, direction, Frequency.QUARTERLY);
    }
}

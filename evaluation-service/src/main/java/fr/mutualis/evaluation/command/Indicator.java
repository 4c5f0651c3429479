package fr.mutualis.evaluation.command;

import fr.mutualis.evaluation.messages.DefineIndicator;
import fr.mutualis.evaluation.messages.Direction;
import fr.mutualis.evaluation.messages.IndicatorDefined;
import fr.mutualis.evaluation.messages.MeasurementRecorded;
import fr.mutualis.evaluation.messages.RecordMeasurement;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.tenant.Owner;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An indicator of a digital roadmap: from a baseline to a target, in a direction, measured over time. */
@Aggregate
class Indicator {

    @AggregateIdentifier
    private UUID indicatorId;
    private Owner ownerId;
    private Direction direction;
    private LocalDate baselineDate;

    protected Indicator() {
    }

    @CommandHandler
    public Indicator(DefineIndicator command) {
        if (!command.targetDate().isAfter(command.baselineDate())) {
            throw new BusinessRuleViolationException("indicator-period",
                    "The target date must come after the baseline date",
                    Map.of("baselineDate", command.baselineDate().toString(), "targetDate", command.targetDate().toString()));
        }
        int comparison = command.targetValue().compareTo(command.baselineValue());
        boolean towardsTarget = command.direction() == Direction.UP ? comparison > 0 : comparison < 0;
        if (!towardsTarget) {
            throw new BusinessRuleViolationException("indicator-direction",
                    "A " + command.direction() + " indicator needs a target " + (command.direction() == Direction.UP ? "above" : "below")
                            + " its baseline",
                    Map.of("baselineValue", command.baselineValue(), "targetValue", command.targetValue()));
        }
        apply(new IndicatorDefined(command.indicatorId(), command.ownerId(), command.scopeKind(), command.scopeId(),
                command.name(), command.unit(), command.baselineValue(), command.baselineDate(), command.targetValue(),
                command.targetDate(), command.direction(), command.frequency()));
    }

    /** A measurement is dated between the baseline and today: the status compares it with the expected path. */
    @CommandHandler
    long handle(RecordMeasurement command, Clock clock) {
        if (command.date().isBefore(baselineDate)) {
            throw new BusinessRuleViolationException("measurement-date",
                    "A measurement cannot be dated before the indicator's baseline " + baselineDate,
                    Map.of("date", command.date().toString(), "baselineDate", baselineDate.toString()));
        }
        LocalDate today = LocalDate.now(clock);
        if (command.date().isAfter(today)) {
            throw new BusinessRuleViolationException("measurement-date",
                    "A measurement cannot be dated in the future",
                    Map.of("date", command.date().toString(), "today", today.toString()));
        }
        apply(new MeasurementRecorded(indicatorId, ownerId, command.date(), command.value(), command.source()));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(IndicatorDefined event) {
        indicatorId = event.indicatorId();
        ownerId = event.ownerId();
        direction = event.direction();
        baselineDate = event.baselineDate();
    }

    Direction direction() {
        return direction;
    }
}

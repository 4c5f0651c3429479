package fr.mutualis.kit.time;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;

/** Checks {@link YearBetween} on any date or time type that has a year; an {@link Instant}'s year is taken in UTC. */
public class YearBetweenValidator implements ConstraintValidator<YearBetween, Temporal> {

    private int min;
    private int max;

    @Override
    public void initialize(YearBetween bounds) {
        min = bounds.min();
        max = bounds.max();
    }

    @Override
    public boolean isValid(Temporal value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Temporal dated = value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
        long year = dated.getLong(ChronoField.YEAR);
        return year >= min && year <= max;
    }
}

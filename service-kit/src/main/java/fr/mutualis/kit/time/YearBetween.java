package fr.mutualis.kit.time;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date or time whose year lies between {@link #min} and {@link #max}, for a business horizon narrower than
 * {@link PlausibleDates}' range (a séance is scheduled within the platform's planning years). On the field itself,
 * so that a refusal names it. {@code null} is valid: combine with {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = YearBetweenValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface YearBetween {

    int min();

    int max();

    String message() default "{kit.year-between}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

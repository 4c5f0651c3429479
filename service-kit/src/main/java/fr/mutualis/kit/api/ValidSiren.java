package fr.mutualis.kit.api;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A SIREN: 9 digits with a valid Luhn check digit. {@code null} is valid: combine with {@code @NotNull}. */
@Documented
@Constraint(validatedBy = SirenValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidSiren {

    String message() default "{kit.valid-siren}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

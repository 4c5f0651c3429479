package fr.mutualis.kit.api;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A SIRET: 14 digits, a SIREN then a NIC, with a valid Luhn check over the 14. {@code null} is valid: combine with
 * {@code @NotNull}. Whether it is the SIRET of a given SIREN is the owner's check.
 */
@Documented
@Constraint(validatedBy = SiretValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidSiret {

    String message() default "{kit.valid-siret}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

package fr.mutualis.kit.api;

import fr.mutualis.contracts.Sirens;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** {@link ValidSiren}, by the one SIREN check every context shares. */
public class SirenValidator implements ConstraintValidator<ValidSiren, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || Sirens.isValid(value);
    }
}

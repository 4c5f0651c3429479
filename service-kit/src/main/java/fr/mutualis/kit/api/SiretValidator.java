package fr.mutualis.kit.api;

import fr.mutualis.contracts.Sirets;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** {@link ValidSiret}, by the one SIRET check every context shares. */
public class SiretValidator implements ConstraintValidator<ValidSiret, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || Sirets.isValid(value);
    }
}

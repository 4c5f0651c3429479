package fr.mutualis.governance.api;

import fr.mutualis.governance.command.Siren;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class SirenValidator implements ConstraintValidator<ValidSiren, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || Siren.isValid(value);
    }
}

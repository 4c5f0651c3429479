package fr.mutualis.portfolio.api;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Nine ASCII digits whose Luhn sum is a multiple of 10, as INSEE allocates SIRENs. */
public class SirenValidator implements ConstraintValidator<ValidSiren, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isSiren(value);
    }

    static boolean isSiren(String candidate) {
        if (candidate.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            char c = candidate.charAt(i);
            // Not Character.isDigit: it accepts non-ASCII digits.
            if (c < '0' || c > '9') {
                return false;
            }
            int digit = c - '0';
            // Luhn doubles every second digit from the right: with 9 digits, the odd positions from the left.
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}

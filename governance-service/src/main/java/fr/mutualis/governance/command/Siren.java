package fr.mutualis.governance.command;

/**
 * A SIREN, the identifier of a French legal entity and of a tenant: exactly 9 ASCII digits, the last one a Luhn
 * check digit.
 */
public record Siren(String value) {

    public Siren {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not a valid SIREN: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        if (candidate == null || candidate.length() != 9) {
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

    @Override
    public String toString() {
        return value;
    }
}

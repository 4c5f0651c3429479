package fr.mutualis.governance.command;

import fr.mutualis.contracts.Sirens;

/**
 * A SIREN, the identifier of a French legal entity and of a tenant: exactly 9 ASCII digits, the last one a Luhn
 * check digit.
 */
record Siren(String value) {

    public Siren {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not a valid SIREN: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        return Sirens.isValid(candidate);
    }

    @Override
    public String toString() {
        return value;
    }
}

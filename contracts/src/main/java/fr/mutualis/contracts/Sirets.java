package fr.mutualis.contracts;

/**
 * SIRETs, the identifiers of establishments: the SIREN of the legal entity followed by a 5-digit NIC, 14 ASCII digits
 * whose Luhn sum over all 14 is a multiple of 10. The SCDL open-data schemas name a collectivité by the SIRET of its
 * siège. La Poste's establishments, which follow another rule, are no collectivités and are not accepted.
 */
public final class Sirets {

    private Sirets() {
    }

    public static boolean isValid(String candidate) {
        return Sirens.isLuhnValid(candidate, 14) && Sirens.isValid(candidate.substring(0, 9));
    }

    /** Whether {@code siret} is a valid SIRET of an establishment of {@code siren}. */
    public static boolean belongsTo(String siret, String siren) {
        return isValid(siret) && siret.startsWith(siren);
    }

    /** The valid SIRET that starts with this SIREN and these 4 NIC digits (for test data and demo territories). */
    public static String completing(String siren, String firstFourNicDigits) {
        if (!Sirens.isValid(siren) || firstFourNicDigits == null || !firstFourNicDigits.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("Expected a SIREN and 4 digits: " + siren + ", " + firstFourNicDigits);
        }
        return Sirens.withLuhnCheckDigit(siren + firstFourNicDigits);
    }
}

package fr.mutualis.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiretsTest {

    /** Real sièges: the Ville de Paris, the Ville de Lyon, the Métropole de Lyon. */
    @ParameterizedTest
    @ValueSource(strings = {"21750001600019", "21690123100011", "20004697700019"})
    void realSiretsAreValid(String siret) {
        assertThat(Sirets.isValid(siret)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"21750001600018", "2175000160001", "217500016000190", "2175000160001a", "２1750001600019", "",
            // Luhn-valid on 14 digits, but its first 9 are no SIREN.
            "21750001700017"})
    void aWrongCheckDigitALengthOtherThanFourteenANonAsciiDigitOrNoSirenIsNot(String candidate) {
        assertThat(Sirets.isValid(candidate)).isFalse();
    }

    @Test
    void aSiretBelongsToTheSirenItStartsWith() {
        assertThat(Sirets.belongsTo("21750001600019", "217500016")).isTrue();
        assertThat(Sirets.belongsTo("21750001600019", "210000022")).isFalse();
        assertThat(Sirets.belongsTo("21750001600018", "217500016")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001", "0000", "9999", "0012"})
    void completingGivesTheOnlyValidCheckDigit(String nic) {
        String siret = Sirets.completing("210000022", nic);
        assertThat(siret).startsWith("210000022" + nic).hasSize(14);
        assertThat(Sirets.isValid(siret)).isTrue();
        for (char other = '0'; other <= '9'; other++) {
            if (other != siret.charAt(13)) {
                assertThat(Sirets.isValid("210000022" + nic + other)).isFalse();
            }
        }
    }

    @Test
    void completingNeedsASirenAndFourDigits() {
        assertThatThrownBy(() -> Sirets.completing("210000023", "0001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sirets.completing("210000022", "001")).isInstanceOf(IllegalArgumentException.class);
    }
}

package fr.mutualis.contracts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SirensTest {

    @ParameterizedTest
    @ValueSource(strings = {"200000016", "210000022", "210000030", "210000048", "732829320"})
    void theDemoTerritoryAndRealSirensAreValid(String siren) {
        assertThat(Sirens.isValid(siren)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"210000023", "21000002", "2100000222", "21000002a", "２10000022", "", " 10000022"})
    void aWrongCheckDigitALengthOtherThanNineOrANonAsciiDigitIsNot(String candidate) {
        assertThat(Sirens.isValid(candidate)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"21000002", "00000000", "99999999", "29123456"})
    void completingGivesTheOnlyValidCheckDigit(String prefix) {
        String siren = Sirens.completing(prefix);
        assertThat(siren).startsWith(prefix).hasSize(9);
        assertThat(Sirens.isValid(siren)).isTrue();
        for (char other = '0'; other <= '9'; other++) {
            if (other != siren.charAt(8)) {
                assertThat(Sirens.isValid(prefix + other)).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2100000", "2100000a", "210000022"})
    void completingNeedsEightDigits(String prefix) {
        assertThatThrownBy(() -> Sirens.completing(prefix)).isInstanceOf(IllegalArgumentException.class);
    }
}

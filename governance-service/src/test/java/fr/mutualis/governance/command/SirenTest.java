package fr.mutualis.governance.command;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SirenTest {

    @ParameterizedTest
    @ValueSource(strings = {"200000016", "210000022", "210000030", "210000048", "356000000", "552100554"})
    void theDemoTerritoryAndRealSirensAreValid(String siren) {
        assertThat(Siren.isValid(siren)).isTrue();
        assertThat(new Siren(siren)).hasToString(siren);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"123456789", "200000017", "210000023", "21000002", "2100000220", "21000002A",
            "ABCDEFGHI", "210 00002", " 21000002", "-21000002", "٢١٠٠٠٠٠٢٢"})
    void anythingElseIsNot(String candidate) {
        assertThat(Siren.isValid(candidate)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new Siren(candidate));
    }

    @Test
    void everyPrefixHasExactlyOneCheckDigit() {
        long valid = java.util.stream.IntStream.rangeClosed(0, 9)
                .filter(check -> Siren.isValid("21000002" + check))
                .count();
        assertThat(valid).isEqualTo(1);
    }
}

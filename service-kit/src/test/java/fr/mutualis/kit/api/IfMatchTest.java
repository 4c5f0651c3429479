package fr.mutualis.kit.api;

import fr.mutualis.kit.error.InvalidInputException;
import fr.mutualis.kit.error.PreconditionFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IfMatchTest {

    @Test
    void noHeaderOrAnyVersionSetsNoPrecondition() {
        assertThat(IfMatch.expectedVersion(null)).isNull();
        assertThat(IfMatch.expectedVersion(" ")).isNull();
        assertThat(IfMatch.expectedVersion("*")).isNull();
    }

    @Test
    void aStrongTagGivesTheVersion() {
        assertThat(IfMatch.expectedVersion("\"3\"")).isEqualTo(3L);
        assertThat(IfMatch.expectedVersion(" 7 ")).isEqualTo(7L);
    }

    /** RFC 9110 §13.1.1: If-Match compares strongly, and a weak tag never matches a strong ETag. */
    @Test
    void aWeakTagNeverMatchesAndFailsThePrecondition() {
        assertThatThrownBy(() -> IfMatch.expectedVersion("W/\"12\""))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("If-Match")
                .extracting(e -> ((PreconditionFailedException) e).field()).isEqualTo("If-Match");
    }

    @Test
    void onlyAsciiDigitsMakeAVersion() {
        for (String header : new String[]{"\"１\"", "１２", "\"٣\"", "\"+3\"", "\"-1\"", "\"0x1\"", "\"3\", \"4\"",
                "\"99999999999999999999\""}) {
            assertThatThrownBy(() -> IfMatch.expectedVersion(header)).as(header)
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("If-Match");
        }
    }

    @Test
    void anythingElseIsABadHeaderNamedAsSuch() {
        assertThatThrownBy(() -> IfMatch.expectedVersion("\"abc\""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("If-Match");
    }
}

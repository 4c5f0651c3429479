package fr.mutualis.kit.api;

import fr.mutualis.kit.error.InvalidInputException;
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
    void aStrongOrWeakQuotedTagGivesTheVersion() {
        assertThat(IfMatch.expectedVersion("\"3\"")).isEqualTo(3L);
        assertThat(IfMatch.expectedVersion("W/\"12\"")).isEqualTo(12L);
        assertThat(IfMatch.expectedVersion(" 7 ")).isEqualTo(7L);
    }

    @Test
    void anythingElseIsABadHeaderNamedAsSuch() {
        assertThatThrownBy(() -> IfMatch.expectedVersion("\"abc\""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("If-Match");
    }
}

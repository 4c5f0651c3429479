package fr.mutualis.contracts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Text a spreadsheet would run is made inert, other text is left alone, and the platform's readers undo it exactly. */
class SpreadsheetTextTest {

    @Test
    void everyTextStartingLikeAFormulaIsPrefixedWithASingleQuote() {
        for (String formula : List.of("=HYPERLINK(\"http://x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)",
                "\t=1+1", "\r=1+1", "=")) {
            assertThat(SpreadsheetText.neutralised(formula)).as(formula).isEqualTo("'" + formula);
        }
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        for (String text : List.of("", "Ligne 21", "Crédits, SIG et \"cloud\"", " =1+1", "1-2", "a=b", "'déjà cité'",
                "ligne 1\nligne 2", "210000022")) {
            assertThat(SpreadsheetText.neutralised(text)).as(text).isEqualTo(text);
        }
    }

    @Test
    void whatWasNeutralisedIsRestoredAndNothingElseIsTouched() {
        for (String text : List.of("=HYPERLINK(\"http://x\")", "-2+3", "@SUM(1+1)", "\t=1+1", "=", "Ligne 21",
                "'déjà cité'", "'", "", "''=1")) {
            assertThat(SpreadsheetText.restored(SpreadsheetText.neutralised(text))).as(text).isEqualTo(text);
        }
        assertThat(SpreadsheetText.restored("'Ligne 21")).isEqualTo("'Ligne 21");
    }
}

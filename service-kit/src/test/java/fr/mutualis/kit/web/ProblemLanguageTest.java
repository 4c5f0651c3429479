package fr.mutualis.kit.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemLanguageTest {

    @AfterEach
    void forgetTheLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aCallerAskingForFrenchGetsTheFrenchSentenceWithItsValues() {
        LocaleContextHolder.setLocale(Locale.FRANCE);
        assertThat(ProblemLanguage.of("kit.not-one-of", Map.of("value", "SENAT", "accepted", "A, B"), "english"))
                .isEqualTo("« SENAT » n'est pas l'une des valeurs admises (A, B)");
        assertThat(ProblemLanguage.of("kit.wrong-type", Map.of("expected", "un nombre entier"), "english"))
                .isEqualTo("valeur refusée : il faut un nombre entier");
    }

    @Test
    void anyOtherCallerGetsTheEnglishWords() {
        LocaleContextHolder.setLocale(Locale.US);
        assertThat(ProblemLanguage.of("kit.not-one-of", Map.of("value", "SENAT", "accepted", "A, B"), "english"))
                .isEqualTo("english");
        LocaleContextHolder.setLocale(Locale.GERMANY);
        assertThat(ProblemLanguage.of("kit.out-of-range", "english")).isEqualTo("english");
    }

    @Test
    void aRefusalWithoutAFrenchSentenceKeepsItsEnglishWords() {
        LocaleContextHolder.setLocale(Locale.FRENCH);
        assertThat(ProblemLanguage.of("rule.no-such-rule", "english")).isEqualTo("english");
        assertThat(ProblemLanguage.of(null, Map.of(), "english")).isEqualTo("english");
    }

    @Test
    void aCallersOwnTextInAValueIsWrittenAsItIs() {
        LocaleContextHolder.setLocale(Locale.FRENCH);
        for (String hostile : new String[] {"{value}", "{accepted}", "${value}", "$1", "\\", "{{value}}"}) {
            assertThat(ProblemLanguage.of("kit.not-one-of", Map.of("value", hostile, "accepted", "A"), "english"))
                    .isEqualTo("« " + hostile + " » n'est pas l'une des valeurs admises (A)");
        }
    }

    @Test
    void daysAndInstantsAreWrittenTheFrenchWay() {
        assertThat(ProblemLanguage.inFrench("2027-01-31")).isEqualTo("31/01/2027");
        assertThat(ProblemLanguage.inFrench("2026-05-07T16:00:00Z")).isEqualTo("07/05/2026 à 18h00");
        assertThat(ProblemLanguage.inFrench("2027-02-31")).isEqualTo("2027-02-31");
        assertThat(ProblemLanguage.inFrench("200000016")).isEqualTo("200000016");
    }

    @Test
    void aValueTheSentenceNamesButTheRefusalLacksStaysNamed() {
        LocaleContextHolder.setLocale(Locale.FRENCH);
        assertThat(ProblemLanguage.of("kit.not-a-valid", Map.of("value", "x"), "english"))
                .isEqualTo("« x » n'est pas une valeur valide pour {name}");
    }
}

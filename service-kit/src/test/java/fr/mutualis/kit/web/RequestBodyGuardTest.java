package fr.mutualis.kit.web;

import fr.mutualis.kit.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpInputMessage;
import org.springframework.mock.http.MockHttpInputMessage;

import java.nio.charset.StandardCharsets;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Text the database cannot store faithfully, and huge lists, are refused wherever they hide in a body, named. */
class RequestBodyGuardTest {

    record Member(String name, List<String> roles) {
    }

    record Body(String title, List<Member> members, Map<String, Integer> shares) {
    }

    record Milestone(String title, java.time.LocalDate plannedDate) {
    }

    record Session(List<Milestone> items, java.time.OffsetDateTime scheduledAt) {
    }

    private final RequestBodyGuard guard = new RequestBodyGuard();

    @Test
    void ordinaryTextIncludingAccentsEmojisTabsAndLineBreaksPasses() {
        Body body = new Body("Élu au numérique 🇫🇷\tligne 1\r\nligne 2", List.of(new Member("Zoë", List.of("maire"))),
                Map.of("210000022", 60));
        assertThat(guard.afterBodyRead(body, null, null, Body.class, null)).isSameAs(body);
    }

    @Test
    void aNulCharacterIsRefusedNamingTheField() {
        assertRefused(new Body("a\u0000b", List.of(), Map.of()), "title", "NUL");
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesAreRefusedInNestedValuesAndMapKeys() {
        assertRefused(new Body("ok", List.of(new Member("x", List.of("ok", "bell\u0007"))), Map.of()),
                "members[0].roles[1]", "U+0007");
        assertRefused(new Body("ok", List.of(new Member("a\ud800b", List.of())), Map.of()), "members[0].name", "surrogate");
        assertRefused(new Body("ok", List.of(), Map.of("\udc00", 1)), "shares", "surrogate");
        assertRefused(new Body("ok", List.of(new Member("end\ud83c", List.of())), Map.of()), "members[0].name", "surrogate");
    }

    @Test
    void aHugeListIsRefusedBeforeItsElementsAreLookedAt() {
        List<String> roles = java.util.stream.IntStream.range(0, 1_001).mapToObj(i -> "r" + i).toList();
        assertRefused(new Body("ok", List.of(new Member("x", roles)), Map.of()), "members[0].roles", "at most 1000");
        assertThatThrownBy(() -> guard.afterBodyRead(new Body("ok", List.of(new Member("x", roles)), Map.of()), null,
                null, Body.class, null))
                .satisfies(refusal -> assertThat(inFrench((InvalidInputException) refusal))
                        .isEqualTo("au plus 1000 éléments, pas 1001"));
    }

    /** An overlong "/" (C0 AF) and a lone continuation byte: Jackson's parser alone decodes the first. */
    @Test
    void bytesThatAreNotUtf8AreRefusedNamingTheBody() {
        for (byte[] bytes : List.of(new byte[]{'"', (byte) 0xC0, (byte) 0xAF, '"'}, new byte[]{'"', (byte) 0x80, '"'},
                new byte[]{'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'})) {
            assertThatThrownBy(() -> guard.beforeBodyRead(new MockHttpInputMessage(bytes), null, String.class, null))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("UTF-8")
                    .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("body");
        }
    }

    @Test
    void utf8BytesAreReadUnchanged() throws Exception {
        byte[] bytes = "{\"title\":\"Élu 🇫🇷\"}".getBytes(StandardCharsets.UTF_8);
        HttpInputMessage read = guard.beforeBodyRead(new MockHttpInputMessage(bytes), null, String.class, null);
        assertThat(read.getBody().readAllBytes()).isEqualTo(bytes);
    }

    @Test
    void aDateBeyondThePlausibleRangeIsRefusedNamingTheFieldWhereverItHides() {
        var session = new Session(List.of(new Milestone("ok", java.time.LocalDate.of(2026, 6, 30)),
                new Milestone("absurd", java.time.LocalDate.MIN)), null);
        assertThatThrownBy(() -> guard.afterBodyRead(session, null, null, Session.class, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("between 1900-01-01 and 2200-12-31")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("items[1].plannedDate");
        var late = new Session(List.of(), java.time.OffsetDateTime.parse("2201-01-01T10:00:00+01:00"));
        assertThatThrownBy(() -> guard.afterBodyRead(late, null, null, Session.class, null))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("scheduledAt");
        assertThatThrownBy(() -> guard.afterBodyRead(late, null, null, Session.class, null))
                .satisfies(refusal -> assertThat(inFrench((InvalidInputException) refusal))
                        .isEqualTo("la date doit être comprise entre le 01/01/1900 et le 31/12/2200"));
        var ordinary = new Milestone("Recette", java.time.LocalDate.of(2026, 6, 30));
        assertThat(guard.afterBodyRead(ordinary, null, null, Milestone.class, null)).isSameAs(ordinary);
    }

    /** The refusal's words for a caller asking for French, as the problem handler gives them. */
    static String inFrench(InvalidInputException refusal) {
        LocaleContextHolder.setLocale(Locale.FRANCE);
        try {
            return ProblemLanguage.of("invalid." + refusal.key(), refusal.values(), refusal.getMessage());
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    private void assertRefused(Body body, String field, String mentioning) {
        assertThatThrownBy(() -> guard.afterBodyRead(body, null, null, Body.class, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(field).hasMessageContaining(mentioning)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo(field);
    }
}

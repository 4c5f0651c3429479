package fr.mutualis.kit.web;

import fr.mutualis.kit.time.FrenchTime;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A refusal's words in the language its caller asks for (Accept-Language, as Spring MVC resolves it): English by
 * default, French when asked (the console asks, and shows these words next to the person's fields). The French
 * sentences are the kit's ({@code kit-problems_fr.properties}: the request's shape, types, JSON) and the service's
 * ({@code problems_fr.properties}: its rules {@code rule.<rule>}, its invalid inputs {@code invalid.<key>}). A
 * sentence's {@code {name}} is the value of that name (a rule's details, the field, an input's values). A refusal
 * without a French sentence keeps its English words, and the answer then says {@code Content-Language: en}
 * ({@link ContentLanguageAdvice}): a client showing only French words knows not to show these. Bean Validation's
 * messages are localised by Bean Validation itself (its own and every module's
 * {@code ContributorValidationMessages_fr.properties}).
 */
public final class ProblemLanguage {

    private static final ResourceBundleMessageSource FRENCH_SENTENCES = frenchSentences();
    private static final Pattern NAME = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm", Locale.FRANCE);
    private static final String WORDED_IN = ProblemLanguage.class.getName() + ".worded-in";

    /** {@code english}, or the French sentence of {@code key} with {@code values} when the caller asks for French. */
    public static String of(String key, Map<String, ?> values, String english) {
        if (!frenchAsked()) {
            return english;
        }
        if (key == null) {
            worded(Locale.ENGLISH);
            return english;
        }
        String sentence = FRENCH_SENTENCES.getMessage(key, null, null, Locale.FRENCH);
        if (sentence == null) {
            worded(Locale.ENGLISH);
            return english;
        }
        worded(Locale.FRENCH);
        // one pass over the sentence: a value (a caller's own text) is never read for names in its turn
        return NAME.matcher(sentence).replaceAll(name -> {
            Object value = values.get(name.group(1));
            return Matcher.quoteReplacement(value == null ? name.group() : inFrench(String.valueOf(value)));
        });
    }

    /** A day (2027-01-31) or an instant (2027-01-31T17:00:00Z) as a French reader writes it, any other value as it is. */
    static String inFrench(String value) {
        try {
            if (ISO_DAY.matcher(value).matches()) {
                return FrenchTime.DAY.format(LocalDate.parse(value));
            }
            if (ISO_INSTANT.matcher(value).matches()) {
                return MOMENT.format(Instant.parse(value).atZone(FrenchTime.ZONE));
            }
        } catch (DateTimeException notADate) {
            return value;
        }
        return value;
    }

    /** {@code english}, or the French sentence of {@code key}. */
    public static String of(String key, String english) {
        return of(key, Map.of(), english);
    }

    /** Bean Validation's messages, which it words itself in the caller's language. */
    public static void validationMessages() {
        worded(frenchAsked() ? Locale.FRENCH : Locale.ENGLISH);
    }

    /**
     * The language the current request's refusal is worded in: French when it was asked for and every text of the
     * refusal said in French; English when any was English or none went through here (Spring's own refusals).
     */
    static Locale wordedIn() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object worded = request == null ? null : request.getAttribute(WORDED_IN, RequestAttributes.SCOPE_REQUEST);
        return frenchAsked() && Locale.FRENCH.equals(worded) ? Locale.FRENCH : Locale.ENGLISH;
    }

    /** A text of the refusal worded in {@code language}: one English text makes the whole refusal English. */
    private static void worded(Locale language) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && !Locale.ENGLISH.equals(request.getAttribute(WORDED_IN, RequestAttributes.SCOPE_REQUEST))) {
            request.setAttribute(WORDED_IN, language, RequestAttributes.SCOPE_REQUEST);
        }
    }

    static boolean frenchAsked() {
        return Locale.FRENCH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
    }

    private static ResourceBundleMessageSource frenchSentences() {
        ResourceBundleMessageSource sentences = new ResourceBundleMessageSource();
        // a service without sentences of its own has no bundle: Spring would warn at every lookup of a missing one
        boolean serviceSentences = ProblemLanguage.class.getClassLoader().getResource("problems_fr.properties") != null;
        sentences.setBasenames(serviceSentences ? new String[] {"kit-problems", "problems"} : new String[] {"kit-problems"});
        sentences.setDefaultEncoding("UTF-8");
        // French or English, never the server's own locale
        sentences.setFallbackToSystemLocale(false);
        // a sentence is used as written: no MessageFormat, so that French apostrophes need no doubling
        sentences.setAlwaysUseMessageFormat(false);
        return sentences;
    }

    private ProblemLanguage() {
    }
}

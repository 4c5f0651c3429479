package fr.mutualis.kit.web;

import org.springframework.format.Formatter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Integer query and path parameters ({@code page}, {@code size}, {@code fiscalYear}...) are written in ASCII digits,
 * nothing else. Spring reads {@code 0x1} and {@code #1} as hexadecimal and {@link Integer#parseInt} any Unicode
 * digit ({@code ٣}, full-width {@code ３}): several spellings of one value would slip past caches, logs and the
 * gateway's view of a request. Anything else is a 400 naming the parameter.
 * <p>
 * Installed as each binder's own formatter for {@code Integer}, {@code Long} and their primitives: a converter in the
 * conversion service is not enough, because when it refuses a value the binder falls back to its default number
 * editor, which accepts hexadecimal.
 */
public final class AsciiIntegerFormatter<T extends Number> implements Formatter<T> {

    private static final Pattern ASCII_INTEGER = Pattern.compile("-?[0-9]{1,19}");

    private final Function<String, T> parser;

    private AsciiIntegerFormatter(Function<String, T> parser) {
        this.parser = parser;
    }

    @Override
    public T parse(String text, Locale locale) {
        if (!ASCII_INTEGER.matcher(text).matches()) {
            throw new IllegalArgumentException("not an integer in ASCII digits");
        }
        return parser.apply(text); // out of range: NumberFormatException, an IllegalArgumentException too
    }

    @Override
    public String print(T value, Locale locale) {
        return value.toString();
    }

    /** Registers the formatters on {@code binder}. */
    public static void register(WebDataBinder binder) {
        binder.addCustomFormatter(new AsciiIntegerFormatter<>(Integer::valueOf), Integer.class, int.class);
        binder.addCustomFormatter(new AsciiIntegerFormatter<>(Long::valueOf), Long.class, long.class);
    }

    /** Every controller's binder gets them. */
    @ControllerAdvice
    public static class Binding {

        @InitBinder
        void initBinder(WebDataBinder binder) {
            register(binder);
        }
    }
}

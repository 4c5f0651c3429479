package fr.mutualis.console.web;

import fr.mutualis.console.format.FrenchFormats;

import java.util.List;

/**
 * Form text to JSON values. The console does not validate what the API validates: a value it cannot convert is sent
 * as typed, so that the API refuses it and names the field, like for any client.
 */
final class JsonValues {

    /** Blank as null (an absent optional field), else the text. */
    static String text(String typed) {
        return typed == null || typed.isBlank() ? null : typed.trim();
    }

    /** An integer when the text is one, else the text itself (refused by the API). */
    static Object integer(String typed) {
        String text = text(typed);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }

    /** Euros as typed by a person to cents, else the text itself (refused by the API). */
    static Object cents(String typedEuros) {
        String text = text(typedEuros);
        return text == null ? null : FrenchFormats.parseEuros(text).<Object>map(cents -> cents).orElse(text);
    }

    static List<String> list(List<String> values) {
        return values == null ? List.of() : values.stream().filter(value -> !value.isBlank()).toList();
    }

    private JsonValues() {
    }
}

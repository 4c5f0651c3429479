package fr.mutualis.kit.web;

import fr.mutualis.kit.error.InvalidInputException;
import fr.mutualis.kit.time.PlausibleDates;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses, with 400 naming the field, what a request body must never hold, wherever it hides in it:
 * <ul>
 * <li>bytes that are not UTF-8 (RFC 8259), overlong encodings included: Jackson's parser decodes some of them (an
 * overlong {@code C0 AF} becomes {@code /}), so a filter upstream that looked for a character would miss it;</li>
 * <li>text a collectivité's data must not contain: the NUL character (PostgreSQL cannot store it: one such title,
 * accepted, stalls the projection that fails on it, for every tenant), other control characters except tab and line
 * breaks, and unpaired UTF-16 surrogates (not encodable: the database driver would silently store '?' instead);</li>
 * <li>a date or time outside {@link PlausibleDates}' range (a year such as -999999999 is valid Java and JSON, but
 * no collectivité means it, and the database cannot compute with it);</li>
 * <li>a list or map of more than {@value #MAX_ELEMENTS} elements: every API bound is far lower, and validating each
 * element of a huge array before its size is checked (then listing every violation) costs more than the gateway's
 * timeout allows.</li>
 * </ul>
 * Bytes are checked before parsing, the rest on the deserialized body, before bean validation, so the rest of the platform (events, Kafka) is untouched.
 * Import it in a service.
 */
@ControllerAdvice
public class RequestBodyGuard extends RequestBodyAdviceAdapter {

    static final int MAX_ELEMENTS = 1_000;

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = inputMessage.getBody().readAllBytes();
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("body", "body: is not valid UTF-8 (RFC 8259)", "kit.not-utf8");
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return inputMessage.getHeaders();
            }
        };
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        check(body, "");
        return body;
    }

    private static void check(Object value, String path) {
        switch (value) {
            case null -> {
            }
            case String text -> problem(text).ifPresent(problem -> {
                String field = path.isEmpty() ? "body" : path;
                throw new InvalidInputException(field, field + ": " + problem.english(), problem.key(), problem.values());
            });
            case Temporal date when PlausibleDates.problem(date).isPresent() -> {
                String field = path.isEmpty() ? "body" : path;
                throw implausibleDate(field, PlausibleDates.problem(date).orElseThrow());
            }
            case Record record -> {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    check(read(component, record), path.isEmpty() ? component.getName() : path + "." + component.getName());
                }
            }
            case Collection<?> elements -> {
                tooMany(elements.size(), path);
                int index = 0;
                for (Object element : elements) {
                    check(element, path + "[" + index++ + "]");
                }
            }
            case Map<?, ?> entries -> {
                tooMany(entries.size(), path);
                entries.forEach((key, entry) -> {
                    check(key, path);
                    check(entry, path + "[" + key + "]");
                });
            }
            default -> {
            }
        }
    }

    private static void tooMany(int size, String path) {
        if (size > MAX_ELEMENTS) {
            String field = path.isEmpty() ? "body" : path;
            throw new InvalidInputException(field, field + ": at most " + MAX_ELEMENTS + " elements, not " + size,
                    "kit.too-many", Map.of("max", MAX_ELEMENTS, "size", size));
        }
    }

    /** {@code field}'s date refused for {@code problem}, with the French sentence naming the range's first and last days. */
    static InvalidInputException implausibleDate(String field, String problem) {
        return new InvalidInputException(field, field + ": " + problem, "kit.implausible-date",
                Map.of("first", PlausibleDates.FIRST_DAY.toString(), "last", PlausibleDates.LAST_DAY.toString()));
    }

    static Optional<TextProblem> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return Optional.of(new TextProblem("kit.nul", "must not contain the NUL character", Map.of()));
            }
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                String code = "U+%04X".formatted((int) c);
                return Optional.of(new TextProblem("kit.control", "must not contain control characters (" + code + ")",
                        Map.of("code", code)));
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return Optional.of(new TextProblem("kit.surrogate",
                        "must not contain an unpaired UTF-16 surrogate (not a character)", Map.of()));
            }
        }
        return Optional.empty();
    }

    /** What is wrong with a text: its English words, and the key of its French sentence. */
    record TextProblem(String key, String english, Map<String, ?> values) {
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of a request body", e);
        }
    }
}

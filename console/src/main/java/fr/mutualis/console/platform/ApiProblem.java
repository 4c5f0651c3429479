package fr.mutualis.console.platform;

import org.springframework.context.MessageSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A refusal of the platform (RFC 9457 problem+json) as a page shows it: the fields it names, each with the API's
 * message (in French: the console asks for it), and the problem itself.
 *
 * @param errors the API's {@code errors[]}: each {@code field} is also the name of the form field that sent it
 */
public record ApiProblem(int status, String type, String title, String detail, List<FieldProblem> errors) {

    public ApiProblem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The refusal in one sentence: the API's own words (given in French, else none), or the console's for its status. */
    public String sentence(MessageSource messages) {
        return detail != null ? detail : messages.getMessage("problem.status." + status, null, title, Locale.FRANCE);
    }

    /** The first message per field, for {@code th:errors}-like display next to each field. */
    public Map<String, String> byField() {
        Map<String, String> messages = new LinkedHashMap<>();
        errors.forEach(error -> messages.putIfAbsent(error.field(), error.message()));
        return messages;
    }

    /** The last segment of {@code type} ({@code https://mutualis.fr/problems/state-conflict} gives {@code state-conflict}). */
    public String code() {
        if (type == null || type.isBlank()) {
            return "status-" + status;
        }
        return type.substring(type.lastIndexOf('/') + 1);
    }

    /** One offending field, named as in the request's JSON (a path such as {@code agenda[0].title} for nested ones). */
    public record FieldProblem(String field, String message) {

        /** The field's own name, without its path or index ({@code title} for {@code agenda[0].title}). */
        public String leaf() {
            String last = field.substring(field.lastIndexOf('.') + 1);
            int index = last.indexOf('[');
            return index < 0 ? last : last.substring(0, index);
        }
    }
}

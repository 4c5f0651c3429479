package fr.mutualis.localstack.issuer;

import fr.mutualis.contracts.Sirens;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a {@link NewClientRequest}; answers the offending fields, empty when the request is valid. */
final class NewClientValidator {

    record FieldProblem(String field, String message) {
    }

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");
    private static final Pattern SIREN = Pattern.compile("\\d{9}");
    private static final Pattern ROLE = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");
    private static final int MAX_ENTRIES = 100;

    static List<FieldProblem> validate(NewClientRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request == null) {
            problems.add(new FieldProblem("", "a JSON body {clientId, secret, tenants[], roles[]} is required"));
            return problems;
        }
        if (request.clientId() == null || !CLIENT_ID.matcher(request.clientId()).matches()) {
            problems.add(new FieldProblem("clientId", "required, 2 to 64 characters among letters, digits, '.', '_', '-'"));
        }
        if (request.secret() == null || request.secret().isBlank()) {
            problems.add(new FieldProblem("secret", "required"));
        } else if (request.secret().getBytes(StandardCharsets.UTF_8).length > 72) {
            problems.add(new FieldProblem("secret", "at most 72 bytes"));
        }
        if (request.name() != null && request.name().length() > 200) {
            problems.add(new FieldProblem("name", "at most 200 characters"));
        }
        checkEntries("tenants", request.tenants(), SIREN, Sirens::isValid,
                "a SIREN: 9 digits with a valid Luhn check digit", problems);
        checkEntries("roles", request.roles(), ROLE, role -> true,
                "a role name in upper case (AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN...)", problems);
        return problems;
    }

    private static void checkEntries(String field, List<String> values, Pattern pattern,
                                     java.util.function.Predicate<String> check, String expected,
                                     List<FieldProblem> problems) {
        if (values == null) {
            problems.add(new FieldProblem(field, "required (an array, possibly empty)"));
            return;
        }
        if (values.size() > MAX_ENTRIES) {
            problems.add(new FieldProblem(field, "at most " + MAX_ENTRIES + " entries"));
            return;
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || !pattern.matcher(value).matches() || !check.test(value)) {
                problems.add(new FieldProblem(field + "[" + i + "]", "'" + value + "' is not " + expected));
            } else if (!seen.add(value)) {
                problems.add(new FieldProblem(field + "[" + i + "]", "'" + value + "' is listed twice"));
            }
        }
    }

    private NewClientValidator() {
    }
}

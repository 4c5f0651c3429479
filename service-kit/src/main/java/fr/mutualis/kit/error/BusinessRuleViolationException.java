package fr.mutualis.kit.error;

import java.util.Map;

/**
 * A business rule of DOMAIN.md would be broken (422); {@code details} name the limit and the amounts, and
 * {@code field}, when one field of the request alone breaks it, names that field as a 400 would.
 */
public class BusinessRuleViolationException extends RuntimeException {

    private final String rule;
    private final String field;
    private final Map<String, Object> details;

    public BusinessRuleViolationException(String rule, String message, Map<String, Object> details) {
        this(rule, null, message, details);
    }

    public BusinessRuleViolationException(String rule, String field, String message, Map<String, Object> details) {
        super(message);
        this.rule = rule;
        this.field = field;
        this.details = Map.copyOf(details);
    }

    public BusinessRuleViolationException(String rule, String message) {
        this(rule, message, Map.of());
    }

    public String rule() {
        return rule;
    }

    /** The request field that breaks the rule, or null when the rule spans several. */
    public String field() {
        return field;
    }

    public Map<String, Object> details() {
        return details;
    }
}

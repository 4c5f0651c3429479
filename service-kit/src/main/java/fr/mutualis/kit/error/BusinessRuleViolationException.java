package fr.mutualis.kit.error;

import java.util.Map;

/** A business rule of DOMAIN.md would be broken (422); {@code details} name the limit and the amounts. */
public class BusinessRuleViolationException extends RuntimeException {

    private final String rule;
    private final Map<String, Object> details;

    public BusinessRuleViolationException(String rule, String message, Map<String, Object> details) {
        super(message);
        this.rule = rule;
        this.details = Map.copyOf(details);
    }

    public BusinessRuleViolationException(String rule, String message) {
        this(rule, message, Map.of());
    }

    public String rule() {
        return rule;
    }

    public Map<String, Object> details() {
        return details;
    }
}

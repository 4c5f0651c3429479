package fr.mutualis.console.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation's forms, their fields named after the API's JSON fields (API.md, Evaluation). Values are kept as
 * typed so that a refused form comes back as it was; {@code json()} is the request body.
 */
public final class EvaluationForms {

    /** An indicator; measured values are typed the French way ({@code 12,5}). */
    public record IndicatorForm(String scopeKind, String scopeId, String name, String unit, String baselineValue,
                                String baselineDate, String targetValue, String targetDate, String direction,
                                String frequency) {

        static IndicatorForm forTenant(String siren) {
            return new IndicatorForm("TENANT", siren == null ? "" : siren, "", "", "", "", "", "", "UP", "ANNUAL");
        }

        Map<String, Object> json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("scopeKind", JsonValues.text(scopeKind));
            body.put("scopeId", JsonValues.text(scopeId));
            body.put("name", JsonValues.text(name));
            body.put("unit", JsonValues.text(unit));
            body.put("baselineValue", decimal(baselineValue));
            body.put("baselineDate", JsonValues.text(baselineDate));
            body.put("targetValue", decimal(targetValue));
            body.put("targetDate", JsonValues.text(targetDate));
            body.put("direction", JsonValues.text(direction));
            body.put("frequency", JsonValues.text(frequency));
            return body;
        }
    }

    public record MeasurementForm(String date, String value, String source) {

        static MeasurementForm empty() {
            return new MeasurementForm("", "", "");
        }

        Map<String, Object> json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("date", JsonValues.text(date));
            body.put("value", decimal(value));
            body.put("source", JsonValues.text(source));
            return body;
        }
    }

    /** The declared specialised digital roles and communication tools (DOMAIN.md §6). */
    public record SelfAssessmentForm(List<String> roles, List<String> communication) {

        Map<String, Object> json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("roles", JsonValues.list(roles));
            body.put("communication", JsonValues.list(communication));
            return body;
        }
    }

    /**
     * A decimal typed by a person ({@code 1 234,5}, plain, no-break or narrow no-break spaces) as a number, else the
     * text itself, refused by the API naming the field.
     */
    static Object decimal(String typed) {
        String text = JsonValues.text(typed);
        if (text == null) {
            return null;
        }
        String cleaned = text.replaceAll("[\\s\\u00A0\\u202F]", "").replace(',', '.');
        try {
            return new BigDecimal(cleaned);
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }

    private EvaluationForms() {
    }
}

package fr.mutualis.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The budget's forms, their fields named after the API's JSON fields (API.md, budget). Amounts are typed in euros and
 * sent as cents in the field of the same name; each form keeps what was typed so that a refused form comes back as it
 * was.
 */
public final class BudgetForms {

    /** Rows of a CP schedule offered by the programme forms (one per year of a usual AP). */
    static final int SCHEDULE_ROWS = 5;

    public record LineForm(String fiscalYear, String section, String chapter, String label, String plannedCents,
                           String mutualisationId) {

        static LineForm empty(int fiscalYear, String mutualisationId) {
            return new LineForm(String.valueOf(fiscalYear), "", "", "", "", mutualisationId == null ? "" : mutualisationId);
        }

        Map<String, Object> json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("fiscalYear", JsonValues.integer(fiscalYear));
            body.put("section", JsonValues.text(section));
            body.put("chapter", JsonValues.text(chapter));
            body.put("label", JsonValues.text(label));
            body.put("plannedCents", JsonValues.cents(plannedCents));
            body.put("mutualisationId", JsonValues.text(mutualisationId));
            return body;
        }
    }

    /** A vote of one line at one stage: the API takes a list of lines, this form sends the one of its page. */
    public record VoteForm(String stage, String creditsCents) {

        static VoteForm empty() {
            return new VoteForm("", "");
        }

        Map<String, Object> json(Object fiscalYear, String lineId) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("lineId", lineId);
            line.put("creditsCents", JsonValues.cents(creditsCents));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("fiscalYear", fiscalYear);
            body.put("stage", JsonValues.text(stage));
            body.put("lines", List.of(line));
            return body;
        }
    }

    /** An engagement or a mandate. */
    public record SpendingForm(String amountCents, String reference, String date) {

        static SpendingForm empty() {
            return new SpendingForm("", "", "");
        }

        Map<String, Object> json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("amountCents", JsonValues.cents(amountCents));
            body.put("reference", JsonValues.text(reference));
            body.put("date", JsonValues.text(date));
            return body;
        }
    }

    public record TransferForm(String fromLineId, String toLineId, String amountCents, String reason, String date) {

        static TransferForm empty() {
            return new TransferForm("", "", "", "", "");
        }

        Map<String, Object> json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("fromLineId", JsonValues.text(fromLineId));
            body.put("toLineId", JsonValues.text(toLineId));
            body.put("amountCents", JsonValues.cents(amountCents));
            body.put("reason", JsonValues.text(reason));
            body.put("date", JsonValues.text(date));
            return body;
        }
    }

    /** Percentages as typed ({@code 7,5} or {@code 7.5}); the API refuses what is not a number and names the field. */
    public record RatesForm(String investmentPercent, String operatingPercent, String deliberation) {

        static RatesForm empty() {
            return new RatesForm("", "", "");
        }

        Map<String, Object> json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("investmentPercent", decimal(investmentPercent));
            body.put("operatingPercent", decimal(operatingPercent));
            body.put("deliberation", JsonValues.text(deliberation));
            return body;
        }

        private static Object decimal(String typed) {
            String text = JsonValues.text(typed);
            if (text == null) {
                return null;
            }
            try {
                return new java.math.BigDecimal(text.replace(',', '.'));
            } catch (NumberFormatException notANumber) {
                return text;
            }
        }
    }

    /**
     * A programme (AP) and its CP schedule, or a revision of both. The schedule's rows are sent in their order, blank
     * rows left out and moved last, so that the API's {@code schedule[i]} names the i-th row shown.
     */
    public record ProgrammeForm(String label, String chapter, String amountCents, List<String> scheduleYear,
                                List<String> scheduleAmountCents, String reason, String decisionId) {

        public ProgrammeForm {
            List<String> years = new ArrayList<>();
            List<String> amounts = new ArrayList<>();
            int rows = Math.max(size(scheduleYear), size(scheduleAmountCents));
            for (int i = 0; i < rows; i++) {
                String year = at(scheduleYear, i);
                String amount = at(scheduleAmountCents, i);
                if (!year.isBlank() || !amount.isBlank()) {
                    years.add(year);
                    amounts.add(amount);
                }
            }
            while (years.size() < SCHEDULE_ROWS) {
                years.add("");
                amounts.add("");
            }
            scheduleYear = List.copyOf(years);
            scheduleAmountCents = List.copyOf(amounts);
        }

        static ProgrammeForm empty() {
            return new ProgrammeForm("", "", "", List.of(), List.of(), "", "");
        }

        /** A revision form starting from the programme's current amount and schedule (euros as the person types them). */
        static ProgrammeForm revising(Map<String, Object> programme) {
            List<String> years = new ArrayList<>();
            List<String> amounts = new ArrayList<>();
            Lists.of(programme.get("schedule")).forEach(year -> {
                years.add(String.valueOf(year.get("year")));
                amounts.add(typedEuros(year.get("cpCents")));
            });
            return new ProgrammeForm("", "", typedEuros(programme.get("amountCents")), years, amounts, "", "");
        }

        /** The rows to show, with their index in the request. */
        public List<Integer> rows() {
            return java.util.stream.IntStream.range(0, scheduleYear.size()).boxed().toList();
        }

        Map<String, Object> createJson() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("label", JsonValues.text(label));
            body.put("chapter", JsonValues.text(chapter));
            body.put("amountCents", JsonValues.cents(amountCents));
            body.put("schedule", schedule());
            return body;
        }

        Map<String, Object> revisionJson() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("amountCents", JsonValues.cents(amountCents));
            body.put("schedule", schedule());
            body.put("reason", JsonValues.text(reason));
            body.put("decisionId", JsonValues.text(decisionId));
            return body;
        }

        private List<Map<String, Object>> schedule() {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (int i = 0; i < scheduleYear.size(); i++) {
                if (scheduleYear.get(i).isBlank() && scheduleAmountCents.get(i).isBlank()) {
                    continue;
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("year", JsonValues.integer(scheduleYear.get(i)));
                entry.put("amountCents", JsonValues.cents(scheduleAmountCents.get(i)));
                entries.add(entry);
            }
            return entries;
        }

        private static int size(List<String> values) {
            return values == null ? 0 : values.size();
        }

        private static String at(List<String> values, int i) {
            return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
        }
    }

    /** A mutualisation's cost of a year; {@code usage} (units per member) only for the USAGE key. */
    public record AllocationForm(String fiscalYear, String costCents, Map<String, String> usage) {

        static AllocationForm empty(int fiscalYear) {
            return new AllocationForm(String.valueOf(fiscalYear), "", Map.of());
        }

        Map<String, Object> json(boolean byUsage) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("fiscalYear", JsonValues.integer(fiscalYear));
            body.put("costCents", JsonValues.cents(costCents));
            if (byUsage) {
                Map<String, Object> units = new LinkedHashMap<>();
                (usage == null ? Map.<String, String>of() : usage).forEach((siren, typed) -> units.put(siren, JsonValues.integer(typed)));
                body.put("usage", units);
            }
            return body;
        }

        public String usageOf(String siren) {
            return usage == null ? "" : usage.getOrDefault(siren, "");
        }
    }

    /** Cents as a person types euros ({@code 1234,50}), to start a form from the current figures. */
    static String typedEuros(Object cents) {
        return cents == null ? "" : new java.math.BigDecimal(String.valueOf(cents)).movePointLeft(2).toPlainString()
                .replace('.', ',');
    }

    private BudgetForms() {
    }
}

package fr.mutualis.console.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portfolio's forms, their fields named after the API's JSON fields (API.md). Each keeps what the person typed,
 * as text, so that a refused form comes back as it was; {@code json()} is the request body.
 */
public final class PortfolioForms {

    public record RoadmapForm(String title, String startYear, String endYear, List<String> axes, String mutualisationId) {

        static RoadmapForm empty() {
            return new RoadmapForm("", "", "", List.of(), "");
        }

        Map<String, Object> json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", JsonValues.text(title));
            body.put("startYear", JsonValues.integer(startYear));
            body.put("endYear", JsonValues.integer(endYear));
            body.put("axes", JsonValues.list(axes));
            body.put("mutualisationId", JsonValues.text(mutualisationId));
            return body;
        }
    }

    /** Amounts are typed in euros ({@code 12 500,00}); the API receives cents in the fields of the same name. */
    public record ProjectForm(String roadmapId, String title, String description, String axis, String theme, String sponsor,
                       String manager, String plannedStart, String plannedEnd, String estimatedInvestmentCents,
                       String estimatedOperatingCents) {

        static ProjectForm forRoadmap(String roadmapId) {
            return new ProjectForm(roadmapId == null ? "" : roadmapId, "", "", "", "", "", "", "", "", "", "");
        }

        Map<String, Object> json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("roadmapId", JsonValues.text(roadmapId));
            body.put("title", JsonValues.text(title));
            body.put("description", JsonValues.text(description));
            body.put("axis", JsonValues.text(axis));
            body.put("theme", JsonValues.text(theme));
            body.put("sponsor", JsonValues.text(sponsor));
            body.put("manager", JsonValues.text(manager));
            body.put("plannedStart", JsonValues.text(plannedStart));
            body.put("plannedEnd", JsonValues.text(plannedEnd));
            body.put("estimatedInvestmentCents", JsonValues.cents(estimatedInvestmentCents));
            body.put("estimatedOperatingCents", JsonValues.cents(estimatedOperatingCents));
            return body;
        }
    }

    /**
     * A figure for each of the six criteria (DOMAIN.md §2), fields named as both APIs name them: a project's
     * assessment (scores 0 to 5) and a roadmap's priority weights (0 to 10).
     */
    public record CriteriaForm(String strategicAlignment, String userValue, String agentValue, String legalObligation,
                          String feasibility, String risk) {

        static final List<String> CRITERIA = List.of("strategicAlignment", "userValue", "agentValue",
                "legalObligation", "feasibility", "risk");

        static CriteriaForm of(Object scores) {
            if (!(scores instanceof Map<?, ?> map)) {
                return new CriteriaForm("", "", "", "", "", "");
            }
            return new CriteriaForm(text(map.get("strategicAlignment")), text(map.get("userValue")),
                    text(map.get("agentValue")), text(map.get("legalObligation")), text(map.get("feasibility")),
                    text(map.get("risk")));
        }

        Map<String, Object> json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("strategicAlignment", JsonValues.integer(strategicAlignment));
            body.put("userValue", JsonValues.integer(userValue));
            body.put("agentValue", JsonValues.integer(agentValue));
            body.put("legalObligation", JsonValues.integer(legalObligation));
            body.put("feasibility", JsonValues.integer(feasibility));
            body.put("risk", JsonValues.integer(risk));
            return body;
        }

        /** A criterion's value by name, for the template. */
        public String get(String criterion) {
            return switch (criterion) {
                case "strategicAlignment" -> strategicAlignment;
                case "userValue" -> userValue;
                case "agentValue" -> agentValue;
                case "legalObligation" -> legalObligation;
                case "feasibility" -> feasibility;
                default -> risk;
            };
        }

        private static String text(Object value) {
            return value == null ? "" : String.valueOf(value);
        }
    }

    public record MilestoneForm(String title, String plannedDate) {

        static MilestoneForm empty() {
            return new MilestoneForm("", "");
        }

        Map<String, Object> json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", JsonValues.text(title));
            body.put("plannedDate", JsonValues.text(plannedDate));
            return body;
        }
    }

    private PortfolioForms() {
    }
}

package fr.mutualis.console.web;

import fr.mutualis.console.platform.PlatformClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The alerts of one subject, for the subject's own page (project, budget line, programme, indicator, instance,
 * séance): templates call {@code ${@subjectAlerts.of(id)}} through the {@code alerts/fragments :: subject} fragment,
 * so that no page controller repeats the call.
 */
@Component("subjectAlerts")
public class SubjectAlerts {

    private final PlatformClient platform;

    SubjectAlerts(PlatformClient platform) {
        this.platform = platform;
    }

    public List<Map<String, Object>> of(Object subjectId) {
        return Lists.items(platform.get("/api/evaluation/alerts", Map.of("subjectId", String.valueOf(subjectId), "size", 50)));
    }

    /** The console page of an alert's subject (for the list's links); a decision is shown in the register of délibérations. */
    public String link(Object subjectKind, Object subjectId) {
        return switch (String.valueOf(subjectKind)) {
            case "PROJECT" -> "/projets/" + subjectId;
            case "BUDGET_LINE" -> "/budget/lignes/" + subjectId;
            case "PROGRAMME" -> "/budget/programmes/" + subjectId;
            case "INDICATOR" -> "/evaluation/indicateurs/" + subjectId;
            case "INSTANCE" -> "/gouvernance/instances/" + subjectId;
            case "SESSION" -> "/gouvernance/seances/" + subjectId;
            default -> "/gouvernance/deliberations";
        };
    }
}

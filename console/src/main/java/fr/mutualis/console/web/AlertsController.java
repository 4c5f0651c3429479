package fr.mutualis.console.web;

import fr.mutualis.console.platform.PlatformClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The alerts of the active collectivité and its mutualisations (DOMAIN §9), open first, filtered by kind. */
@Controller
class AlertsController {

    /** The kinds in the order of DOMAIN §9, each with its French label ({@code alert.kind.*}). */
    static final List<String> KINDS = List.of("CREDITS_NEARLY_CONSUMED", "CP_SHORTFALL", "MILESTONE_LATE",
            "INDICATOR_OFF_TRACK", "CADENCE_NOT_KEPT", "SHORT_NOTICE", "MINUTES_LATE", "DECISION_NOT_APPLIED");

    private final PlatformClient platform;
    private final SubjectAlerts subjects;

    AlertsController(PlatformClient platform, SubjectAlerts subjects) {
        this.platform = platform;
        this.subjects = subjects;
    }

    /** An unknown kind or state is ignored rather than refused: the filters are links and a select. */
    @GetMapping("/alertes")
    String alerts(@RequestParam(required = false) String kind, @RequestParam(required = false) String state, Model model) {
        String chosenKind = kind != null && KINDS.contains(kind) ? kind : null;
        Boolean open = "ouvertes".equals(state) ? Boolean.TRUE : "terminees".equals(state) ? Boolean.FALSE : null;
        Map<String, Object> query = new HashMap<>();
        query.put("kind", chosenKind);
        query.put("open", open);
        query.put("size", 100);
        Map<String, Object> page = platform.get("/api/evaluation/alerts", query);
        // Each subject's page, computed here: Thymeleaf forbids calling beans in a link expression.
        List<Map<String, Object>> alerts = Lists.items(page).stream().map(alert -> {
            Map<String, Object> withLink = new HashMap<>(alert);
            withLink.put("href", subjects.link(alert.get("subjectKind"), alert.get("subjectId")));
            return withLink;
        }).toList();
        model.addAttribute("alerts", alerts);
        model.addAttribute("total", page.get("total"));
        model.addAttribute("kinds", KINDS);
        model.addAttribute("kind", chosenKind);
        model.addAttribute("state", open == null ? "" : open ? "ouvertes" : "terminees");
        return "alerts/index";
    }
}

package fr.mutualis.console.web;

import fr.mutualis.console.format.FrenchFormats;
import fr.mutualis.console.platform.ActiveTenant;
import fr.mutualis.console.platform.ApiResult;
import fr.mutualis.console.platform.PlatformClient;
import fr.mutualis.console.sheet.Sheets;
import fr.mutualis.console.platform.PlatformException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Gouvernance: the instances (members, quorum, cadence), a séance from its scheduling to its closing (ordre du jour,
 * attendance, decisions with their votes, then the procès-verbal to read and print), the register of decisions with
 * its search, and the directory of collectivités and mutualisations.
 */
@Controller
class GovernanceController {

    static final List<String> AGENDA_KINDS = List.of("PROJECT_GATE", "ROADMAP_ADOPTION", "BUDGET_ARBITRATION",
            "PRIORITISATION", "INFORMATION");
    static final List<String> OUTCOMES = List.of("APPROVED", "REJECTED", "DEFERRED");

    private final PlatformClient platform;
    private final ActiveTenant tenant;
    private final ScenarioChoices scenarios;
    private final Sheets sheets;

    GovernanceController(PlatformClient platform, ActiveTenant tenant, ScenarioChoices scenarios, Sheets sheets) {
        this.platform = platform;
        this.tenant = tenant;
        this.scenarios = scenarios;
        this.sheets = sheets;
    }

    @ModelAttribute("agendaKinds")
    List<String> agendaKinds() {
        return AGENDA_KINDS;
    }

    @GetMapping("/gouvernance")
    String instances(Model model) {
        model.addAttribute("instances", Lists.items(platform.get("/api/governance/instances", Map.of("size", 100))));
        return "governance/instances";
    }

    @GetMapping("/gouvernance/instances/{id}")
    String instance(@PathVariable UUID id, Model model) {
        return instancePage(id, model, ScheduleForm.empty());
    }

    /** The séance's agenda: up to three items typed at once (more are added on the séance's instance later). */
    @PostMapping("/gouvernance/instances/{id}/seances")
    String schedule(@PathVariable UUID id, @ModelAttribute ScheduleForm form, Model model,
                    HttpServletResponse response, RedirectAttributes flash) {
        ApiResult result = platform.post("/api/governance/instances/{id}/sessions", form.json(), id);
        if (!result.accepted()) {
            return PortfolioController.refused(model, response, result, instancePage(id, model, form));
        }
        flash.addFlashAttribute("notice", "session.scheduled");
        return "redirect:/gouvernance/seances/" + result.id();
    }

    private String instancePage(UUID id, Model model, ScheduleForm form) {
        model.addAttribute("instance", platform.get("/api/governance/instances/{id}", id));
        model.addAttribute("sessions", platform.list("/api/governance/instances/{id}/sessions", Map.of(), id));
        model.addAttribute("form", form);
        model.addAttribute("scenarioChoices", scenarios.all());
        return "governance/instance";
    }

    @GetMapping("/gouvernance/seances/{id}")
    String session(@PathVariable UUID id, Model model) {
        return sessionPage(id, model, null);
    }

    @PostMapping("/gouvernance/seances/{id}/presences")
    String attendance(@PathVariable UUID id, @RequestParam(required = false) List<String> present, Model model,
                      HttpServletResponse response, RedirectAttributes flash) {
        ApiResult result = platform.put("/api/governance/sessions/{id}/attendance",
                Map.of("present", JsonValues.list(present)), id);
        if (!result.accepted()) {
            return PortfolioController.refused(model, response, result, sessionPage(id, model, null));
        }
        flash.addFlashAttribute("notice", "session.attendance");
        return "redirect:/gouvernance/seances/" + id + "#presences";
    }

    @PostMapping("/gouvernance/seances/{id}/decisions")
    String decide(@PathVariable UUID id, @ModelAttribute DecisionForm form, Model model,
                  HttpServletResponse response, RedirectAttributes flash) {
        ApiResult result = platform.post("/api/governance/sessions/{id}/decisions", form.json(), id);
        if (!result.accepted()) {
            return PortfolioController.refused(model, response, result, sessionPage(id, model, form));
        }
        flash.addFlashAttribute("notice", "session.decided");
        return "redirect:/gouvernance/seances/" + id + "#decisions";
    }

    @PostMapping("/gouvernance/seances/{id}/cloture")
    String close(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes flash) {
        ApiResult result = platform.post("/api/governance/sessions/{id}/close", null, id);
        if (!result.accepted()) {
            return PortfolioController.refused(model, response, result, sessionPage(id, model, null));
        }
        flash.addFlashAttribute("notice", "session.closed");
        return "redirect:/gouvernance/seances/" + id + "/proces-verbal";
    }

    @GetMapping("/gouvernance/seances/{id}/proces-verbal")
    String minutes(@PathVariable UUID id, Model model) {
        model.addAttribute("seance", platform.get("/api/governance/sessions/{id}", id));
        return "governance/minutes";
    }

    private String sessionPage(UUID id, Model model, DecisionForm decision) {
        Map<String, Object> session = platform.get("/api/governance/sessions/{id}", id);
        Map<String, Object> instance = platform.get("/api/governance/instances/{id}", session.get("instanceId"));
        Set<String> decided = new LinkedHashSet<>();
        Lists.of(session.get("decisions")).forEach(made -> decided.add(String.valueOf(made.get("agendaItemId"))));
        // Thymeleaf reserves ${session} for the HTTP session.
        model.addAttribute("seance", session);
        model.addAttribute("instance", instance);
        model.addAttribute("decided", decided);
        model.addAttribute("decision", decision);
        return "governance/session";
    }

    @GetMapping("/gouvernance/deliberations")
    String decisions(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                     @RequestParam(required = false) String outcome, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to, Model model, HttpServletResponse response) {
        Map<String, Object> query = decisionFilters(kind, outcome, from, to);
        query.put("size", 200);
        model.addAttribute("q", q);
        model.addAttribute("kind", query.get("kind"));
        model.addAttribute("outcome", query.get("outcome"));
        model.addAttribute("from", query.get("from"));
        model.addAttribute("to", query.get("to"));
        model.addAttribute("outcomes", OUTCOMES);
        try {
            model.addAttribute("decisions", withWords(Lists.items(platform.get("/api/governance/decisions", query)), q));
            return "governance/decisions";
        } catch (PlatformException refused) {
            if (refused.status() != HttpServletResponse.SC_BAD_REQUEST) {
                throw refused;
            }
            // dates the register refuses ("Du" after "Au", a year nobody means): said as a refused form's are, the
            // filters kept
            model.addAttribute("decisions", List.of());
            return PortfolioController.refused(model, response, new ApiResult(null, refused.problem()),
                    "governance/decisions");
        }
    }

    /** The register as a file, with the page's filters and words, all its pages. */
    @GetMapping("/gouvernance/deliberations/export.{format}")
    ResponseEntity<byte[]> exportDecisions(@PathVariable String format, @RequestParam(required = false) String q,
                                           @RequestParam(required = false) String kind,
                                           @RequestParam(required = false) String outcome,
                                           @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to) {
        List<Map<String, Object>> decisions = withWords(SheetFiles.allPages(platform, "/api/governance/decisions",
                decisionFilters(kind, outcome, from, to)), q);
        return SheetFiles.download("decisions", format, sheets.table("Décisions", SheetLayouts.DECISIONS, decisions));
    }

    private static Map<String, Object> decisionFilters(String kind, String outcome, String from, String to) {
        Map<String, Object> query = new HashMap<>();
        query.put("kind", kind != null && AGENDA_KINDS.contains(kind) ? kind : null);
        query.put("outcome", outcome != null && OUTCOMES.contains(outcome) ? outcome : null);
        query.put("from", isoDate(from));
        query.put("to", isoDate(to));
        return query;
    }

    private static List<Map<String, Object>> withWords(List<Map<String, Object>> found, String q) {
        String words = q == null ? "" : q.strip().toLowerCase(java.util.Locale.FRENCH);
        if (words.isEmpty()) {
            return found;
        }
        // The register's own filters are by instance, kind, outcome and dates; words search its titles here.
        return found.stream().filter(decision -> (String.valueOf(decision.get("title")) + " "
                + decision.get("instanceName")).toLowerCase(java.util.Locale.FRENCH).contains(words)).toList();
    }

    @GetMapping("/gouvernance/annuaire")
    String directory(Model model) {
        List<Map<String, Object>> collectivites = new ArrayList<>();
        for (String siren : tenant.allowed()) {
            try {
                collectivites.add(platform.getAs(siren, "/api/governance/collectivites/{siren}", siren));
            } catch (PlatformException notRegistered) {
                // nothing to show for a collectivité the platform does not know yet
            }
        }
        Map<String, Map<String, Object>> mutualisations = new LinkedHashMap<>();
        for (Map<String, Object> instance : Lists.items(platform.get("/api/governance/instances",
                Map.of("size", 100)))) {
            Object id = instance.get("mutualisationId");
            if (id != null && !mutualisations.containsKey(String.valueOf(id))) {
                mutualisations.put(String.valueOf(id), platform.get("/api/governance/mutualisations/{id}", id));
            }
        }
        model.addAttribute("collectivites", collectivites);
        model.addAttribute("mutualisations", mutualisations.values());
        return "governance/directory";
    }

    private static String isoDate(String typed) {
        String text = JsonValues.text(typed);
        if (text == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(text).toString();
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    /** A séance to schedule: its date and time (Paris) and up to three agenda items. */
    public record ScheduleForm(String scheduledAt, List<String> kind, List<String> title, List<String> subjectId) {

        static ScheduleForm empty() {
            return new ScheduleForm("", List.of("INFORMATION", "INFORMATION", "INFORMATION"), List.of("", "", ""),
                    List.of("", "", ""));
        }

        public String kindAt(int index) {
            return kind != null && index < kind.size() ? kind.get(index) : "INFORMATION";
        }

        public String titleAt(int index) {
            return title != null && index < title.size() ? title.get(index) : "";
        }

        public String subjectIdAt(int index) {
            return subjectId != null && index < subjectId.size() ? subjectId.get(index) : "";
        }

        Map<String, Object> json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("scheduledAt", offset(scheduledAt));
            List<Map<String, Object>> agenda = new ArrayList<>();
            for (int index = 0; index < 3; index++) {
                if (titleAt(index).isBlank() && subjectIdAt(index).isBlank()) {
                    continue;
                }
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("kind", kindAt(index));
                item.put("title", JsonValues.text(titleAt(index)));
                item.put("subjectId", JsonValues.text(subjectIdAt(index)));
                agenda.add(item);
            }
            body.put("agenda", agenda);
            return body;
        }

        /** {@code 2026-03-31T18:00} typed in Paris time, with its offset; anything else as typed. */
        private static String offset(String typed) {
            String text = JsonValues.text(typed);
            if (text == null) {
                return null;
            }
            try {
                return LocalDateTime.parse(text).atZone(FrenchFormats.PARIS).toOffsetDateTime().toString();
            } catch (DateTimeParseException notADateTime) {
                return text;
            }
        }
    }

    /** The votes on one agenda item. */
    public record DecisionForm(String agendaItemId, String votesFor, String votesAgainst, String abstentions,
                               String deferred) {

        Map<String, Object> json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("agendaItemId", JsonValues.text(agendaItemId));
            body.put("votesFor", JsonValues.integer(votesFor));
            body.put("votesAgainst", JsonValues.integer(votesAgainst));
            body.put("abstentions", JsonValues.integer(abstentions));
            body.put("deferred", "true".equals(deferred));
            return body;
        }
    }
}

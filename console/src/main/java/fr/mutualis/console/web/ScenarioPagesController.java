package fr.mutualis.console.web;

import fr.mutualis.console.platform.ApiResult;
import fr.mutualis.console.platform.PlatformClient;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What-if scenarios of a roadmap (DOMAIN §10): the creation form (also shown on the roadmap's page), a scenario's
 * table per year and section, and the roadmap's scenarios side by side. Every figure comes from the API, which
 * computes it; the console only lays it out.
 */
@Controller
class ScenarioPagesController {

    static final List<String> SECTIONS = List.of("INVESTMENT", "OPERATING");
    /** Projects a scenario always counts: shown checked and disabled. */
    static final Set<String> ALWAYS_INCLUDED = Set.of("APPROVED", "IN_PROGRESS", "ON_HOLD", "DELIVERED");
    /** Projects a scenario may pick. */
    static final Set<String> PICKABLE = Set.of("PROPOSED", "ASSESSED");

    private final PlatformClient platform;

    ScenarioPagesController(PlatformClient platform) {
        this.platform = platform;
    }

    @GetMapping("/feuilles-de-route/{id}/scenarios/nouveau")
    String newScenario(@PathVariable UUID id, Model model) {
        return formPage(id, model, ScenarioForm.empty());
    }

    @PostMapping("/feuilles-de-route/{id}/scenarios")
    String create(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
                  HttpServletResponse response, RedirectAttributes flash) {
        ScenarioForm form = ScenarioForm.of(params);
        ApiResult result = platform.post("/api/portfolio/roadmaps/{id}/scenarios", form.json(), id);
        if (!result.accepted()) {
            return PortfolioController.refused(model, response, result, formPage(id, model, form));
        }
        flash.addFlashAttribute("notice", "scenario.created");
        return "redirect:/scenarios/" + result.id();
    }

    @GetMapping("/scenarios/{id}")
    String scenario(@PathVariable UUID id, Model model) {
        Map<String, Object> scenario = platform.get("/api/portfolio/scenarios/{id}", id);
        model.addAttribute("scenario", scenario);
        model.addAttribute("roadmap", platform.get("/api/portfolio/roadmaps/{id}", scenario.get("roadmapId")));
        return "portfolio/scenario";
    }

    @GetMapping("/feuilles-de-route/{id}/scenarios")
    String compare(@PathVariable UUID id, Model model) {
        model.addAttribute("roadmap", platform.get("/api/portfolio/roadmaps/{id}", id));
        model.addAttribute("scenarios", Lists.items(platform.get("/api/portfolio/roadmaps/{id}/scenarios", id)));
        model.addAttribute("sections", SECTIONS);
        return "portfolio/scenarios";
    }

    private String formPage(UUID roadmapId, Model model, ScenarioForm form) {
        Map<String, Object> roadmap = platform.get("/api/portfolio/roadmaps/{id}", roadmapId);
        model.addAttribute("roadmap", roadmap);
        model.addAttribute("projects", Lists.items(platform.get("/api/portfolio/projects",
                Map.of("roadmapId", roadmapId, "size", 200))));
        addFormAttributes(model, roadmap, form);
        return "portfolio/scenario-new";
    }

    /** What the creation form needs, on its own page or on the roadmap's. */
    static void addFormAttributes(Model model, Map<String, Object> roadmap, ScenarioForm form) {
        List<Integer> years = new ArrayList<>();
        for (int year = ((Number) roadmap.get("startYear")).intValue(); year <= ((Number) roadmap.get("endYear")).intValue(); year++) {
            years.add(year);
        }
        model.addAttribute("scenarioYears", years);
        model.addAttribute("sections", SECTIONS);
        model.addAttribute("alwaysIncluded", ALWAYS_INCLUDED);
        model.addAttribute("pickable", PICKABLE);
        model.addAttribute("scenarioForm", form);
    }

    /**
     * The creation form as typed: the name, the projects ticked, and an envelope in euros per year and section
     * (fields {@code envelope-<year>-<section>}; left blank, the budget's open credits count).
     */
    public record ScenarioForm(String name, List<String> projectIds, Map<String, String> envelopes) {

        static ScenarioForm empty() {
            return new ScenarioForm("", List.of(), Map.of());
        }

        static ScenarioForm of(MultiValueMap<String, String> params) {
            Map<String, String> envelopes = new LinkedHashMap<>();
            params.forEach((key, values) -> {
                if (key.startsWith("envelope-") && !values.isEmpty()) {
                    envelopes.put(key, values.getFirst());
                }
            });
            return new ScenarioForm(params.getFirst("name"), JsonValues.list(params.get("projectIds")), envelopes);
        }

        public boolean picked(Object projectId) {
            return projectIds.contains(String.valueOf(projectId));
        }

        public String envelope(int year, String section) {
            return envelopes.getOrDefault("envelope-" + year + "-" + section, "");
        }

        Map<String, Object> json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", JsonValues.text(name));
            body.put("projectIds", projectIds);
            List<Map<String, Object>> entered = new ArrayList<>();
            envelopes.forEach((key, typed) -> {
                if (JsonValues.text(typed) != null) {
                    String[] parts = key.split("-", 3);
                    Map<String, Object> envelope = new LinkedHashMap<>();
                    envelope.put("year", JsonValues.integer(parts.length > 1 ? parts[1] : ""));
                    envelope.put("section", parts.length > 2 ? parts[2] : null);
                    envelope.put("amountCents", JsonValues.cents(typed));
                    entered.add(envelope);
                }
            });
            body.put("envelopes", entered);
            return body;
        }
    }
}

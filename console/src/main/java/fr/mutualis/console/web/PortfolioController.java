package fr.mutualis.console.web;

import fr.mutualis.console.platform.ApiResult;
import fr.mutualis.console.platform.PlatformClient;
import fr.mutualis.console.sheet.Sheets;
import fr.mutualis.console.web.PortfolioForms.CriteriaForm;
import fr.mutualis.console.web.PortfolioForms.MilestoneForm;
import fr.mutualis.console.web.PortfolioForms.ProjectForm;
import fr.mutualis.console.web.PortfolioForms.RoadmapForm;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Projets: roadmaps (list, create, status and adoption, ranking), projects (list with filters and paging, create,
 * details, lifecycle actions, assessment, milestones, history). The projects' table, a project's state and
 * assessment, and a roadmap's ranking and weights are also answered alone to htmx ({@link PartialPages}). A refused form is shown again with what was typed
 * and the API's messages next to the fields it names (status 422 or 400 kept, so that tools see the refusal).
 */
@Controller
class PortfolioController {

    static final List<String> AXES = List.of("OPEN_DATA", "VERY_HIGH_SPEED_NETWORK", "DEMATERIALISATION",
            "SMART_CITY", "BIG_DATA", "STARTUP_INCUBATOR", "E_INCLUSION", "E_DEMOCRACY", "COLLABORATIVE_ECONOMY",
            "OPEN_INNOVATION", "LOCAL_HOSTING_CLOUD", "PUBLIC_DATA_PROTECTION");
    static final List<String> STATUSES = List.of("PROPOSED", "ASSESSED", "APPROVED", "IN_PROGRESS", "ON_HOLD",
            "DELIVERED", "CLOSED", "CANCELLED");
    static final List<String> THEMES = List.of("USER_SERVICES", "BUSINESS_SERVICES", "INFRASTRUCTURE");
    /** The lifecycle moves a manager makes, by the state they start from (the API refuses the others with 409). */
    private static final Map<String, List<String>> ACTIONS = Map.of(
            "PROPOSED", List.of("cancel"),
            "ASSESSED", List.of("cancel"),
            "APPROVED", List.of("start", "cancel"),
            "IN_PROGRESS", List.of("hold", "deliver", "cancel"),
            "ON_HOLD", List.of("resume", "cancel"),
            "DELIVERED", List.of("close"));
    private static final Set<String> ALL_ACTIONS = Set.of("start", "hold", "resume", "deliver", "close", "cancel");
    private static final Set<String> ASSESSABLE = Set.of("PROPOSED", "ASSESSED");

    private final PlatformClient platform;
    private final Sheets sheets;
    private final int pageSize;

    PortfolioController(PlatformClient platform, Sheets sheets, @Value("${mutualis.console.page-size}") int pageSize) {
        this.platform = platform;
        this.sheets = sheets;
        this.pageSize = pageSize;
    }

    @ModelAttribute("axes")
    List<String> axes() {
        return AXES;
    }

    // ------------------------------------------------------------------------------------------------ roadmaps

    @GetMapping("/feuilles-de-route")
    String roadmaps(Model model) {
        return roadmapsPage(model, RoadmapForm.empty());
    }

    @PostMapping("/feuilles-de-route")
    String createRoadmap(@ModelAttribute RoadmapForm form, Model model, HttpServletResponse response,
                         RedirectAttributes flash) {
        ApiResult result = platform.post("/api/portfolio/roadmaps", form.json());
        if (!result.accepted()) {
            return refused(model, response, result, roadmapsPage(model, form));
        }
        flash.addFlashAttribute("notice", "roadmap.created");
        return "redirect:/feuilles-de-route/" + result.id();
    }

    private String roadmapsPage(Model model, RoadmapForm form) {
        model.addAttribute("roadmaps", Lists.items(platform.get("/api/portfolio/roadmaps", Map.of("size", 100))));
        model.addAttribute("form", form);
        return "portfolio/roadmaps";
    }

    @GetMapping("/feuilles-de-route/{id}")
    String roadmap(@PathVariable UUID id, Model model) {
        return roadmapPage(id, model, null);
    }

    /** The ranking's weights; the ranking shown with them is the one read once the API has applied them. */
    @PostMapping("/feuilles-de-route/{id}/ponderations")
    String weigh(@PathVariable UUID id, @ModelAttribute CriteriaForm form, Model model, HttpServletResponse response,
                 RedirectAttributes flash) {
        ApiResult result = platform.put("/api/portfolio/roadmaps/{id}/weights", form.json(), id);
        if (!result.accepted()) {
            return refused(model, response, result, roadmapPage(id, model, form));
        }
        platform.awaitVersion(result, "/api/portfolio/roadmaps/{id}", id);
        flash.addFlashAttribute("notice", "roadmap.weighted");
        return "redirect:/feuilles-de-route/" + id;
    }

    private String roadmapPage(UUID id, Model model, CriteriaForm weights) {
        Map<String, Object> roadmap = platform.get("/api/portfolio/roadmaps/{id}", id);
        model.addAttribute("roadmap", roadmap);
        model.addAttribute("ranking", Lists.items(Map.of("items",
                platform.get("/api/portfolio/roadmaps/{id}/ranking", id).getOrDefault("items", List.of()))));
        model.addAttribute("projects", Lists.items(platform.get("/api/portfolio/projects",
                Map.of("roadmapId", id, "size", 200))));
        model.addAttribute("criteria", CriteriaForm.CRITERIA);
        model.addAttribute("weights", weights != null ? weights : CriteriaForm.of(roadmap.get("weights")));
        model.addAttribute("weighable", !"CLOSED".equals(roadmap.get("status")));
        model.addAttribute("scenarios", Lists.items(platform.get("/api/portfolio/roadmaps/{id}/scenarios", id)));
        ScenarioPagesController.addFormAttributes(model, roadmap, ScenarioPagesController.ScenarioForm.empty());
        return PartialPages.view(model, "portfolio/roadmap", Set.of("classement"));
    }

    // ------------------------------------------------------------------------------------------------ projects

    @GetMapping("/projets")
    String projects(@RequestParam(required = false) String status, @RequestParam(required = false) String axis,
                    @RequestParam(required = false) UUID roadmapId, @RequestParam(defaultValue = "0") int page,
                    Model model) {
        Map<String, Object> query = projectFilters(status, axis, roadmapId);
        query.put("page", Math.max(page, 0));
        query.put("size", pageSize);
        Map<String, Object> found = platform.get("/api/portfolio/projects", query);
        long total = ((Number) found.getOrDefault("total", 0)).longValue();
        model.addAttribute("projects", Lists.items(found));
        model.addAttribute("total", total);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pages", Math.max(1, (total + pageSize - 1) / pageSize));
        model.addAttribute("status", query.get("status"));
        model.addAttribute("axis", query.get("axis"));
        model.addAttribute("roadmapId", roadmapId);
        model.addAttribute("statuses", STATUSES);
        return PartialPages.view(model, "portfolio/projects", Set.of("resultats"));
    }

    /** The list as a file, with the page's filters and all its pages. */
    @GetMapping("/projets/export.{format}")
    ResponseEntity<byte[]> exportProjects(@PathVariable String format, @RequestParam(required = false) String status,
                                          @RequestParam(required = false) String axis,
                                          @RequestParam(required = false) UUID roadmapId) {
        List<Map<String, Object>> projects = SheetFiles.allPages(platform, "/api/portfolio/projects",
                projectFilters(status, axis, roadmapId));
        return SheetFiles.download("projets", format, sheets.table("Projets", SheetLayouts.PROJECTS, projects));
    }

    private static Map<String, Object> projectFilters(String status, String axis, UUID roadmapId) {
        Map<String, Object> query = new HashMap<>();
        // List.of(...).contains(null) throws: an absent filter is checked first.
        query.put("status", status != null && STATUSES.contains(status) ? status : null);
        query.put("axis", axis != null && AXES.contains(axis) ? axis : null);
        query.put("roadmapId", roadmapId);
        return query;
    }

    @GetMapping("/projets/nouveau")
    String newProject(@RequestParam(required = false) String roadmapId, Model model) {
        return newProjectPage(model, ProjectForm.forRoadmap(roadmapId));
    }

    @PostMapping("/projets")
    String createProject(@ModelAttribute ProjectForm form, Model model, HttpServletResponse response,
                         RedirectAttributes flash) {
        ApiResult result = platform.post("/api/portfolio/projects", form.json());
        if (!result.accepted()) {
            return refused(model, response, result, newProjectPage(model, form));
        }
        flash.addFlashAttribute("notice", "project.created");
        return "redirect:/projets/" + result.id();
    }

    private String newProjectPage(Model model, ProjectForm form) {
        model.addAttribute("form", form);
        model.addAttribute("roadmaps", Lists.items(platform.get("/api/portfolio/roadmaps", Map.of("size", 100))));
        model.addAttribute("themes", THEMES);
        return "portfolio/project-new";
    }

    @GetMapping("/projets/{id}")
    String project(@PathVariable UUID id, Model model) {
        return projectPage(id, model, null, null);
    }

    @PostMapping("/projets/{id}/evaluation")
    String assess(@PathVariable UUID id, @ModelAttribute CriteriaForm form, Model model,
                  HttpServletResponse response, RedirectAttributes flash) {
        ApiResult result = platform.post("/api/portfolio/projects/{id}/assessment", form.json(), id);
        if (!result.accepted()) {
            return refused(model, response, result, projectPage(id, model, form, null));
        }
        flash.addFlashAttribute("notice", "project.assessed");
        return "redirect:/projets/" + id;
    }

    @PostMapping("/projets/{id}/jalons")
    String planMilestone(@PathVariable UUID id, @ModelAttribute MilestoneForm form, Model model,
                         HttpServletResponse response, RedirectAttributes flash) {
        ApiResult result = platform.post("/api/portfolio/projects/{id}/milestones", form.json(), id);
        if (!result.accepted()) {
            return refused(model, response, result, projectPage(id, model, null, form));
        }
        flash.addFlashAttribute("notice", "milestone.planned");
        return "redirect:/projets/" + id + "#jalons";
    }

    @PostMapping("/projets/{id}/jalons/{milestoneId}/atteint")
    String reachMilestone(@PathVariable UUID id, @PathVariable UUID milestoneId,
                          @RequestParam(required = false) String actualDate, Model model,
                          HttpServletResponse response, RedirectAttributes flash) {
        Map<String, Object> body = new HashMap<>();
        body.put("actualDate", JsonValues.text(actualDate));
        ApiResult result = platform.post("/api/portfolio/projects/{id}/milestones/{milestoneId}/reach", body, id,
                milestoneId);
        if (!result.accepted()) {
            model.addAttribute("problemMilestoneId", milestoneId.toString());
            return refused(model, response, result, projectPage(id, model, null, null));
        }
        flash.addFlashAttribute("notice", "milestone.reached");
        return "redirect:/projets/" + id + "#jalons";
    }

    @PostMapping("/projets/{id}/{action}")
    String move(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) String reason,
                Model model, HttpServletResponse response, RedirectAttributes flash) {
        if (!ALL_ACTIONS.contains(action)) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error/404";
        }
        Map<String, Object> body = new HashMap<>();
        body.put("reason", JsonValues.text(reason));
        ApiResult result = platform.post("/api/portfolio/projects/{id}/" + action, body, id);
        if (!result.accepted()) {
            return refused(model, response, result, projectPage(id, model, null, null));
        }
        flash.addFlashAttribute("notice", "project.moved." + action);
        return "redirect:/projets/" + id;
    }

    private String projectPage(UUID id, Model model, CriteriaForm assessment, MilestoneForm milestone) {
        Map<String, Object> project = platform.get("/api/portfolio/projects/{id}", id);
        String status = String.valueOf(project.get("status"));
        model.addAttribute("project", project);
        model.addAttribute("actions", ACTIONS.getOrDefault(status, List.of()));
        model.addAttribute("assessable", ASSESSABLE.contains(status));
        model.addAttribute("criteria", CriteriaForm.CRITERIA);
        model.addAttribute("assessment", assessment != null ? assessment : CriteriaForm.of(project.get("scores")));
        model.addAttribute("milestoneForm", milestone != null ? milestone : MilestoneForm.empty());
        model.addAttribute("history", platform.list("/api/portfolio/projects/{id}/history", Map.of(), id));
        return PartialPages.view(model, "portfolio/project", Set.of("projet-etat"));
    }

    /** The page again, with the problem for its fields and the API's status (400, 409, 422). */
    static String refused(Model model, HttpServletResponse response, ApiResult result, String view) {
        model.addAttribute("problem", result.problem());
        model.addAttribute("fieldErrors", result.problem().byField());
        response.setStatus(result.problem().status());
        return view;
    }
}

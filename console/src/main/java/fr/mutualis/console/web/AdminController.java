package fr.mutualis.console.web;

import fr.mutualis.console.platform.ActiveTenant;
import fr.mutualis.console.platform.ApiProblem;
import fr.mutualis.console.platform.ApiResult;
import fr.mutualis.console.platform.PlatformClient;
import fr.mutualis.console.platform.PlatformException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Administration, for PLATFORM_ADMIN: the directory (register a collectivité, create a mutualisation) and the
 * rebuild of each service's read models, whose progress the page follows by polling the service (htmx, every
 * second, while it runs; a link refreshes it without JavaScript).
 */
@Controller
class AdminController {

    static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
    static final List<String> CONTEXTS = List.of("governance", "portfolio", "budget", "evaluation");
    static final List<String> KINDS = List.of("COMMUNE", "EPCI", "DEPARTEMENT", "REGION", "SYNDICAT");
    static final List<String> ALLOCATION_METHODS = List.of("POPULATION", "USAGE");

    private final PlatformClient platform;
    private final ActiveTenant tenant;
    private final AdminPageAccess access;

    AdminController(PlatformClient platform, ActiveTenant tenant, AdminPageAccess access) {
        this.platform = platform;
        this.tenant = tenant;
        this.access = access;
    }

    @GetMapping("/administration")
    String index(Model model) {
        access.require(PLATFORM_ADMIN);
        model.addAttribute("contexts", CONTEXTS);
        return "admin/index";
    }

    // ------------------------------------------------------------------------------------------------ directory

    @GetMapping("/administration/annuaire")
    String directory(@RequestParam(defaultValue = "0") int page, Model model) {
        access.require(PLATFORM_ADMIN);
        return directoryPage(Math.max(page, 0), model, CollectiviteForm.empty(), MutualisationForm.empty());
    }

    @PostMapping("/administration/annuaire/collectivites")
    String register(@ModelAttribute CollectiviteForm form, Model model, HttpServletResponse response,
                    RedirectAttributes flash) {
        access.require(PLATFORM_ADMIN);
        ApiResult result = platform.post("/api/governance/collectivites", form.json());
        if (!result.accepted()) {
            model.addAttribute("refusedForm", "collectivite");
            return PortfolioController.refused(model, response, result,
                    directoryPage(0, model, form, MutualisationForm.empty()));
        }
        flash.addFlashAttribute("notice", "collectivite.registered");
        return "redirect:/administration/annuaire";
    }

    @PostMapping("/administration/annuaire/mutualisations")
    String createMutualisation(@ModelAttribute MutualisationForm form, Model model, HttpServletResponse response,
                               RedirectAttributes flash) {
        access.require(PLATFORM_ADMIN);
        ApiResult result = platform.post("/api/governance/mutualisations", form.json());
        if (!result.accepted()) {
            model.addAttribute("refusedForm", "mutualisation");
            return PortfolioController.refused(model, response, result,
                    directoryPage(0, model, CollectiviteForm.empty(), form));
        }
        flash.addFlashAttribute("notice", "mutualisation.created");
        return "redirect:/administration/mutualisations/" + result.id();
    }

    @GetMapping("/administration/mutualisations/{id}")
    String mutualisation(@PathVariable UUID id, Model model) {
        access.require(PLATFORM_ADMIN);
        model.addAttribute("mutualisation", platform.get("/api/governance/mutualisations/{id}", id));
        return "admin/mutualisation";
    }

    private String directoryPage(int page, Model model, CollectiviteForm collectivite, MutualisationForm mutualisation) {
        Map<String, Object> found = platform.get("/api/governance/collectivites", Map.of("page", page, "size", 100));
        long total = ((Number) found.getOrDefault("total", 0)).longValue();
        model.addAttribute("collectivites", Lists.items(found));
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("pages", Math.max(1, (total + 99) / 100));
        model.addAttribute("mutualisations", mutualisations());
        model.addAttribute("collectiviteForm", collectivite);
        model.addAttribute("mutualisationForm", mutualisation);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("methods", ALLOCATION_METHODS);
        return "admin/directory";
    }

    /**
     * The API lists collectivités but not mutualisations: those shown are the ones the instances of the token's
     * collectivités work for (a new one opens on its own page once created).
     */
    private List<Map<String, Object>> mutualisations() {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        for (String siren : tenant.allowed()) {
            Object instances = platform.getAs(siren, "/api/governance/instances?size=100").get("items");
            for (Map<String, Object> instance : Lists.of(instances)) {
                Object id = instance.get("mutualisationId");
                if (id != null && !found.containsKey(String.valueOf(id))) {
                    try {
                        found.put(String.valueOf(id), platform.getAs(siren, "/api/governance/mutualisations/{id}", id));
                    } catch (PlatformException notVisible) {
                        // an instance's mutualisation this collectivité no longer sees: nothing to list
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    // ------------------------------------------------------------------------------------------------ rebuild

    @GetMapping("/administration/reconstruction")
    String rebuilds(Model model) {
        access.require(PLATFORM_ADMIN);
        Map<String, Map<String, Object>> statuses = new LinkedHashMap<>();
        CONTEXTS.forEach(context -> statuses.put(context, status(context)));
        model.addAttribute("statuses", statuses);
        return "admin/rebuild";
    }

    @PostMapping("/administration/reconstruction/{context}")
    String startRebuild(@PathVariable String context, Model model, HttpServletResponse response,
                        RedirectAttributes flash) {
        access.require(PLATFORM_ADMIN);
        requireContext(context);
        ApiResult result = platform.post("/api/{context}/admin/rebuild", null, context);
        if (!result.accepted()) {
            response.setStatus(result.problem().status());
            model.addAttribute("problem", result.problem());
            return rebuilds(model);
        }
        flash.addFlashAttribute("notice", "rebuild.started");
        return "redirect:/administration/reconstruction#reconstruction-" + context;
    }

    /** One service's progress, the fragment htmx swaps in every second while the rebuild runs. */
    @GetMapping("/administration/reconstruction/{context}/etat")
    String rebuildProgress(@PathVariable String context, Model model) {
        access.require(PLATFORM_ADMIN);
        requireContext(context);
        model.addAttribute("context", context);
        model.addAttribute("status", status(context));
        return "admin/rebuild :: progress";
    }

    private Map<String, Object> status(String context) {
        return platform.get("/api/{context}/admin/rebuild", context);
    }

    private static void requireContext(String context) {
        if (!CONTEXTS.contains(context)) {
            throw new PlatformException(new ApiProblem(404, null, null, null, List.of()));
        }
    }

    // ------------------------------------------------------------------------------------------------ forms

    public record CollectiviteForm(String siren, String name, String kind, String population, String epciSiren) {

        static CollectiviteForm empty() {
            return new CollectiviteForm("", "", "COMMUNE", "", "");
        }

        Map<String, Object> json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("siren", JsonValues.text(siren));
            body.put("name", JsonValues.text(name));
            body.put("kind", JsonValues.text(kind));
            body.put("population", JsonValues.integer(population));
            body.put("epciSiren", JsonValues.text(epciSiren));
            return body;
        }
    }

    /** The members are typed as SIRENs separated by spaces, commas or lines. */
    public record MutualisationForm(String name, String epciSiren, String memberSirens, String allocationMethod) {

        static MutualisationForm empty() {
            return new MutualisationForm("", "", "", "POPULATION");
        }

        Map<String, Object> json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", JsonValues.text(name));
            body.put("epciSiren", JsonValues.text(epciSiren));
            body.put("memberSirens", memberSirens == null ? List.of()
                    : JsonValues.list(Arrays.asList(memberSirens.strip().split("[\\s,;]+"))));
            body.put("allocationKey", Map.of("method", allocationMethod == null ? "" : allocationMethod));
            return body;
        }
    }
}

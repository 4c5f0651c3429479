package fr.mutualis.console.web;

import fr.mutualis.console.platform.ActiveTenant;
import fr.mutualis.console.platform.ApiResult;
import fr.mutualis.console.platform.PlatformClient;
import fr.mutualis.console.platform.PlatformException;
import fr.mutualis.console.web.BudgetForms.AllocationForm;
import fr.mutualis.console.web.BudgetForms.LineForm;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Services communs: the mutualisations the active collectivité administers or belongs to, and a mutualisation's page
 * with its members, allocation key, shared lines and the allocation of its yearly cost. What a member sees of the
 * allocation is what the API answers it (its own share only); the forms (shared lines, allocation) are offered to the
 * administering EPCI's SHARED_SERVICE_ADMIN, the only one the API lets change them.
 */
@Controller
class SharedServicesController {

    private static final String SHARED_SERVICE_ADMIN = "SHARED_SERVICE_ADMIN";

    private final PlatformClient platform;
    private final ActiveTenant tenant;
    private final BudgetRefusals refusals;

    SharedServicesController(PlatformClient platform, ActiveTenant tenant, BudgetRefusals refusals) {
        this.platform = platform;
        this.tenant = tenant;
        this.refusals = refusals;
    }

    @ModelAttribute("sections")
    List<String> sections() {
        return BudgetController.SECTIONS;
    }

    /** The mutualisations named by the governance instances the collectivité sees (its own and its mutualisations'). */
    @GetMapping("/services-communs")
    String mutualisations(Model model) {
        Map<String, Map<String, Object>> mutualisations = new LinkedHashMap<>();
        for (Map<String, Object> instance : Lists.items(platform.get("/api/governance/instances", Map.of("size", 200)))) {
            Object id = instance.get("mutualisationId");
            if (id != null) {
                mutualisations.computeIfAbsent(String.valueOf(id),
                        key -> platform.get("/api/governance/mutualisations/{id}", key));
            }
        }
        model.addAttribute("mutualisations", mutualisations.values());
        return "shared/index";
    }

    @GetMapping("/services-communs/{id}")
    String mutualisation(@PathVariable UUID id, @RequestParam(required = false) Integer fiscalYear, Model model) {
        int year = BudgetController.year(fiscalYear);
        return page(id, year, model, AllocationForm.empty(year), LineForm.empty(year, id.toString()));
    }

    @PostMapping("/services-communs/{id}/repartition")
    String allocate(@PathVariable UUID id, @ModelAttribute AllocationForm form, Model model,
                    HttpServletResponse response, RedirectAttributes flash) {
        Map<String, Object> mutualisation = platform.get("/api/governance/mutualisations/{id}", id);
        boolean byUsage = "USAGE".equals(key(mutualisation).get("method"));
        ApiResult result = platform.post("/api/budget/mutualisations/{id}/allocations", form.json(byUsage), id);
        int year = BudgetController.yearOf(form.fiscalYear());
        if (!result.accepted()) {
            return refusals.show(model, response, result, "allocation", "costCents",
                    page(id, year, model, form, LineForm.empty(year, id.toString())));
        }
        flash.addFlashAttribute("notice", "shared.allocated");
        return "redirect:/services-communs/" + id + "?fiscalYear=" + year + "#repartition";
    }

    @PostMapping("/services-communs/{id}/lignes")
    String openLine(@PathVariable UUID id, @ModelAttribute LineForm form, Model model, HttpServletResponse response,
                    RedirectAttributes flash) {
        LineForm shared = new LineForm(form.fiscalYear(), form.section(), form.chapter(), form.label(),
                form.plannedCents(), id.toString());
        ApiResult result = platform.post("/api/budget/lines", shared.json());
        int year = BudgetController.yearOf(form.fiscalYear());
        if (!result.accepted()) {
            return refusals.show(model, response, result, "line", "label",
                    page(id, year, model, AllocationForm.empty(year), shared));
        }
        flash.addFlashAttribute("notice", "budget.line.opened");
        return "redirect:/services-communs/" + id + "?fiscalYear=" + year + "#lignes";
    }

    private String page(UUID id, int year, Model model, AllocationForm allocation, LineForm line) {
        Map<String, Object> mutualisation = platform.get("/api/governance/mutualisations/{id}", id);
        String epci = String.valueOf(mutualisation.get("epciSiren"));
        Map<String, String> names = new LinkedHashMap<>();
        names.put(epci, nameOf(epci));
        @SuppressWarnings("unchecked")
        List<String> members = mutualisation.get("memberSirens") instanceof List<?> list ? (List<String>) list : List.of();
        members.forEach(siren -> names.put(siren, nameOf(siren)));
        boolean administers = tenant.current().map(epci::equals).orElse(false);
        model.addAttribute("mutualisation", mutualisation);
        model.addAttribute("key", key(mutualisation));
        model.addAttribute("members", members);
        model.addAttribute("names", names);
        model.addAttribute("administers", administers);
        model.addAttribute("manages", administers && tenant.roles().contains(SHARED_SERVICE_ADMIN));
        model.addAttribute("fiscalYear", year);
        model.addAttribute("years", BudgetController.years(year));
        model.addAttribute("lines", Lists.items(platform.get("/api/budget/lines",
                Map.of("mutualisationId", id, "fiscalYear", year, "size", 200))));
        model.addAttribute("allocation", allocation(id, year));
        model.addAttribute("form", allocation);
        model.addAttribute("lineForm", line);
        return "shared/mutualisation";
    }

    /** The year's split as the API shows it to the caller, or null while the cost of the year is not allocated. */
    private Map<String, Object> allocation(UUID id, int year) {
        try {
            return platform.get("/api/budget/mutualisations/{id}/allocations", Map.of("fiscalYear", year), id);
        } catch (PlatformException refused) {
            if (refused.status() == 404) {
                return null;
            }
            throw refused;
        }
    }

    private String nameOf(String siren) {
        try {
            Object name = platform.get("/api/governance/collectivites/{siren}", siren).get("name");
            return name == null ? siren : String.valueOf(name);
        } catch (PlatformException unknown) {
            // a member the directory does not know yet is shown by its SIREN
            return siren;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> key(Map<String, Object> mutualisation) {
        return mutualisation.get("allocationKey") instanceof Map<?, ?> key ? (Map<String, Object>) key : Map.of();
    }
}

package fr.mutualis.console.web;

import fr.mutualis.console.format.FrenchFormats;
import fr.mutualis.console.platform.ActiveTenant;
import fr.mutualis.console.platform.ApiResult;
import fr.mutualis.console.platform.PlatformClient;
import fr.mutualis.console.sheet.Sheets;
import fr.mutualis.console.web.EvaluationForms.IndicatorForm;
import fr.mutualis.console.web.EvaluationForms.MeasurementForm;
import fr.mutualis.console.web.EvaluationForms.SelfAssessmentForm;
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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Évaluation: the dashboard of the active collectivité (each chart drawn from the data table next to it), its
 * indicators with their measurements, the self-assessment and the barometer with what each profile means.
 */
@Controller
class EvaluationController {

    static final List<String> INDICATOR_STATUSES = List.of("ACHIEVED", "ON_TRACK", "AT_RISK", "OFF_TRACK", "NO_DATA");
    static final List<String> SCOPE_KINDS = List.of("TENANT", "MUTUALISATION", "ROADMAP", "PROJECT");
    static final List<String> DIRECTIONS = List.of("UP", "DOWN");
    static final List<String> FREQUENCIES = List.of("MONTHLY", "QUARTERLY", "SEMIANNUAL", "ANNUAL");
    static final List<String> DIGITAL_ROLES = List.of("DPO", "CIL", "CHIEF_DATA_OFFICER", "OPEN_GOV_LEAD",
            "DATA_SCIENTIST", "DATAVIZ_SPECIALIST", "SMART_CITY_LEAD", "SMART_GRID_LEAD", "OPEN_INNOVATION_LEAD",
            "SECURITY_OFFICER");
    static final List<String> COMMUNICATION = List.of("TOP_DOWN", "SOCIAL", "PARTICIPATORY");
    /** The barometer's profiles in the table's order (DOMAIN.md §6), each explained on the barometer's page. */
    static final List<String> PROFILES = List.of("SYSTEMIC", "PATHFINDER", "ENTREPRENEUR", "EXPLORER", "OBSERVER");

    private final PlatformClient platform;
    private final ActiveTenant tenant;
    private final Sheets sheets;

    EvaluationController(PlatformClient platform, ActiveTenant tenant, Sheets sheets) {
        this.platform = platform;
        this.tenant = tenant;
        this.sheets = sheets;
    }

    @ModelAttribute("indicatorStatuses")
    List<String> indicatorStatuses() {
        return INDICATOR_STATUSES;
    }

    // ------------------------------------------------------------------------------------------------ dashboard

    @GetMapping("/evaluation")
    String dashboard(@RequestParam(required = false) Integer fiscalYear, Model model) {
        int year = fiscalYear(fiscalYear);
        model.addAttribute("fiscalYear", year);
        model.addAttribute("dashboard", platform.get("/api/evaluation/dashboard", Map.of("fiscalYear", year)));
        return "evaluation/index";
    }

    /** The year asked for when it is one the API accepts, else the current one. */
    static int fiscalYear(Integer asked) {
        return asked != null && asked >= 2000 && asked <= 2100 ? asked : LocalDate.now(FrenchFormats.PARIS).getYear();
    }

    // ------------------------------------------------------------------------------------------------ indicators

    @GetMapping("/evaluation/indicateurs")
    String indicators(Model model) {
        return indicatorsPage(model, IndicatorForm.forTenant(tenant.current().orElse(null)));
    }

    /** The indicators as a file, all of them, each with its last measurement and status. */
    @GetMapping("/evaluation/indicateurs/export.{format}")
    ResponseEntity<byte[]> exportIndicators(@PathVariable String format) {
        List<Map<String, Object>> indicators = SheetFiles.allPages(platform, "/api/evaluation/indicators", Map.of());
        return SheetFiles.download("indicateurs", format, sheets.table("Indicateurs", SheetLayouts.INDICATORS, indicators));
    }

    @PostMapping("/evaluation/indicateurs")
    String define(@ModelAttribute IndicatorForm form, Model model, HttpServletResponse response,
                  RedirectAttributes flash) {
        ApiResult result = platform.post("/api/evaluation/indicators", form.json());
        if (!result.accepted()) {
            return PortfolioController.refused(model, response, result, indicatorsPage(model, form));
        }
        flash.addFlashAttribute("notice", "indicator.defined");
        return "redirect:/evaluation/indicateurs/" + result.id();
    }

    private String indicatorsPage(Model model, IndicatorForm form) {
        model.addAttribute("indicators", Lists.items(platform.get("/api/evaluation/indicators", Map.of("size", 100))));
        model.addAttribute("form", form);
        model.addAttribute("scopeKinds", SCOPE_KINDS);
        model.addAttribute("directions", DIRECTIONS);
        model.addAttribute("frequencies", FREQUENCIES);
        return "evaluation/indicators";
    }

    @GetMapping("/evaluation/indicateurs/{id}")
    String indicator(@PathVariable UUID id, Model model) {
        return indicatorPage(id, model, MeasurementForm.empty());
    }

    @PostMapping("/evaluation/indicateurs/{id}/mesures")
    String measure(@PathVariable UUID id, @ModelAttribute MeasurementForm form, Model model,
                   HttpServletResponse response, RedirectAttributes flash) {
        ApiResult result = platform.post("/api/evaluation/indicators/{id}/measurements", form.json(), id);
        if (!result.accepted()) {
            return PortfolioController.refused(model, response, result, indicatorPage(id, model, form));
        }
        flash.addFlashAttribute("notice", "indicator.measured");
        return "redirect:/evaluation/indicateurs/" + id + "#mesures";
    }

    private String indicatorPage(UUID id, Model model, MeasurementForm form) {
        Map<String, Object> indicator = platform.get("/api/evaluation/indicators/{id}", id);
        model.addAttribute("indicator", indicator);
        model.addAttribute("trajectory", trajectory(indicator));
        model.addAttribute("measurementForm", form);
        return "evaluation/indicator";
    }

    /**
     * The rows of the chart over time: the baseline's date, each measurement, then the target's date, with the
     * baseline and the target as reference lines. Measurements stay the API's, unchanged.
     */
    static List<Map<String, Object>> trajectory(Map<String, Object> indicator) {
        Map<String, Map<String, Object>> byDate = new LinkedHashMap<>();
        byDate.put(String.valueOf(indicator.get("baselineDate")), row(indicator.get("baselineDate"), null));
        List<Map<String, Object>> measurements = new ArrayList<>(Lists.of(indicator.get("measurements")));
        measurements.sort(Comparator.comparing(measurement -> String.valueOf(measurement.get("date"))));
        measurements.forEach(measurement -> byDate.put(String.valueOf(measurement.get("date")),
                row(measurement.get("date"), measurement.get("value"))));
        byDate.putIfAbsent(String.valueOf(indicator.get("targetDate")), row(indicator.get("targetDate"), null));
        List<Map<String, Object>> rows = new ArrayList<>(byDate.values());
        rows.sort(Comparator.comparing(row -> String.valueOf(row.get("date"))));
        return rows;
    }

    private static Map<String, Object> row(Object date, Object value) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("date", date);
        row.put("value", value);
        return row;
    }

    // ------------------------------------------------------------------------------------------------ barometer

    @GetMapping("/evaluation/auto-evaluation")
    String selfAssessment(Model model) {
        Map<String, Object> declared = platform.get("/api/evaluation/self-assessment");
        return selfAssessmentPage(model, new SelfAssessmentForm(strings(declared.get("roles")),
                strings(declared.get("communication"))));
    }

    @PostMapping("/evaluation/auto-evaluation")
    String declare(@ModelAttribute SelfAssessmentForm form, Model model, HttpServletResponse response,
                   RedirectAttributes flash) {
        ApiResult result = platform.put("/api/evaluation/self-assessment", form.json());
        if (!result.accepted()) {
            return PortfolioController.refused(model, response, result, selfAssessmentPage(model, form));
        }
        flash.addFlashAttribute("notice", "selfAssessment.declared");
        return "redirect:/evaluation/barometre";
    }

    private String selfAssessmentPage(Model model, SelfAssessmentForm form) {
        model.addAttribute("form", form);
        model.addAttribute("digitalRoles", DIGITAL_ROLES);
        model.addAttribute("communicationTools", COMMUNICATION);
        return "evaluation/self-assessment";
    }

    @GetMapping("/evaluation/barometre")
    String barometer(Model model) {
        Map<String, Object> barometer = platform.get("/api/evaluation/barometer");
        model.addAttribute("barometer", barometer);
        model.addAttribute("criteria", criteria(barometer));
        model.addAttribute("profiles", PROFILES);
        return "evaluation/barometer";
    }

    /**
     * Each of the six criteria with what the platform found and whether it holds for the profile (the nearest one
     * when unclassified): the API names the missing ones.
     */
    @SuppressWarnings("unchecked")
    static List<Criterion> criteria(Map<String, Object> barometer) {
        Map<String, Object> found = barometer.get("criteria") instanceof Map<?, ?> map
                ? (Map<String, Object>) map : Map.of();
        List<String> missing = strings(barometer.get("missing"));
        return List.of(
                new Criterion("PLAN", Boolean.TRUE.equals(found.get("plan")), List.of(), !missing.contains("PLAN")),
                new Criterion("ELECTED_LEAD", Boolean.TRUE.equals(found.get("electedLead")), List.of(),
                        !missing.contains("ELECTED_LEAD")),
                new Criterion("AXES", null, strings(found.get("axes")), !missing.contains("AXES")),
                new Criterion("ROLES", null, strings(found.get("roles")), !missing.contains("ROLES")),
                new Criterion("EVALUATION", Boolean.TRUE.equals(found.get("evaluation")), List.of(),
                        !missing.contains("EVALUATION")),
                new Criterion("COMMUNICATION", null, strings(found.get("communication")),
                        !missing.contains("COMMUNICATION")));
    }

    /**
     * @param present for a yes/no criterion, what was found (null for the criteria that are lists)
     * @param values  for a list criterion, the values found (axes, roles, tools)
     * @param met     whether it holds for the profile shown
     */
    public record Criterion(String name, Boolean present, List<String> values, boolean met) {
    }

    private static List<String> strings(Object list) {
        return list instanceof List<?> values ? values.stream().map(String::valueOf).toList() : List.of();
    }
}

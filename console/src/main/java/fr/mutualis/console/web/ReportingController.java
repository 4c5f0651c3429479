package fr.mutualis.console.web;

import fr.mutualis.console.platform.ActiveTenant;
import fr.mutualis.console.platform.ApiProblem;
import fr.mutualis.console.platform.PlatformClient;
import fr.mutualis.console.platform.PlatformException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Territoire, for REPORTING (read-only): the collectivités of the person's token compared side by side (projects,
 * credits per section, indicators on track, barometer profile), each read from that collectivité's own dashboard
 * with the person's token, and the open-data exports (SCDL CSV) of each, passed on as the API serves them.
 */
@Controller
class ReportingController {

    static final String REPORTING = "REPORTING";
    static final List<String> STAGES = List.of("BP", "BS", "DM", "CA");

    private final PlatformClient platform;
    private final ActiveTenant tenant;
    private final AdminPageAccess access;

    ReportingController(PlatformClient platform, ActiveTenant tenant, AdminPageAccess access) {
        this.platform = platform;
        this.tenant = tenant;
        this.access = access;
    }

    @GetMapping("/territoire")
    String territory(@RequestParam(required = false) Integer fiscalYear, Model model) {
        access.require(REPORTING);
        int year = EvaluationController.fiscalYear(fiscalYear);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String siren : tenant.allowed()) {
            Map<String, Object> dashboard = platform.getAs(siren, "/api/evaluation/dashboard?fiscalYear={year}", year);
            Map<String, Object> row = new HashMap<>(dashboard);
            row.put("siren", siren);
            row.put("indicatorsOnTrack", onTrack(dashboard));
            rows.add(row);
        }
        model.addAttribute("fiscalYear", year);
        model.addAttribute("rows", rows);
        model.addAttribute("stages", STAGES);
        return "reporting/territory";
    }

    /** Indicators at or ahead of their trajectory: ON_TRACK and ACHIEVED (DOMAIN.md §5). */
    @SuppressWarnings("unchecked")
    static long onTrack(Map<String, Object> dashboard) {
        if (!(dashboard.get("indicators") instanceof Map<?, ?> indicators)
                || !(indicators.get("byStatus") instanceof Map<?, ?> byStatus)) {
            return 0;
        }
        Map<String, Object> counts = (Map<String, Object>) byStatus;
        return count(counts.get("ON_TRACK")) + count(counts.get("ACHIEVED"));
    }

    private static long count(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    /** The SCDL budget of a collectivité of the token, for a year and a stage. */
    @GetMapping("/territoire/exports/budget")
    ResponseEntity<byte[]> budgetExport(@RequestParam String siren, @RequestParam(required = false) Integer fiscalYear,
                                        @RequestParam(required = false) String stage) {
        access.require(REPORTING);
        Map<String, Object> query = new HashMap<>();
        query.put("fiscalYear", EvaluationController.fiscalYear(fiscalYear));
        query.put("stage", stage != null && STAGES.contains(stage) ? stage : "BP");
        return file(siren, "/api/budget/exports/scdl", query);
    }

    /** The SCDL délibérations of a collectivité of the token. */
    @GetMapping("/territoire/exports/deliberations")
    ResponseEntity<byte[]> deliberationsExport(@RequestParam String siren) {
        access.require(REPORTING);
        return file(siren, "/api/governance/exports/scdl-deliberations", Map.of());
    }

    /** A SIREN outside the person's token is a file that does not exist for them (404 page), never asked. */
    private ResponseEntity<byte[]> file(String siren, String path, Map<String, ?> query) {
        if (!tenant.allowed().contains(siren)) {
            throw new PlatformException(new ApiProblem(404, null, null, null, List.of()));
        }
        return platform.download(siren, path, query).response();
    }
}

package fr.mutualis.console.web;

import fr.mutualis.console.format.FrenchFormats;
import fr.mutualis.console.platform.PlatformClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tableau de bord of the active collectivité: its projects by status and by axis (each chart drawn from the data
 * table next to it), late milestones, the next séances and the year's key budget figures.
 */
@Controller
class DashboardController {

    private final PlatformClient platform;

    DashboardController(PlatformClient platform) {
        this.platform = platform;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        List<Map<String, Object>> projects = Lists.items(platform.get("/api/portfolio/projects",
                Map.of("size", 200)));
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byAxis = new TreeMap<>();
        List<Map<String, Object>> late = new ArrayList<>();
        LocalDate today = LocalDate.now(FrenchFormats.PARIS);
        for (Map<String, Object> project : projects) {
            byStatus.merge(String.valueOf(project.get("status")), 1, Integer::sum);
            byAxis.merge(String.valueOf(project.get("axis")), 1, Integer::sum);
            for (Map<String, Object> milestone : Lists.of(project.get("milestones"))) {
                if (milestone.get("actualDate") == null
                        && LocalDate.parse(String.valueOf(milestone.get("plannedDate"))).isBefore(today)) {
                    late.add(Map.of("projectId", project.get("id"), "project", project.get("title"),
                            "title", milestone.get("title"), "plannedDate", milestone.get("plannedDate"),
                            "slippageDays", milestone.get("slippageDays")));
                }
            }
        }
        late.sort(Comparator.comparing(milestone -> String.valueOf(milestone.get("plannedDate"))));
        model.addAttribute("projectsCount", projects.size());
        model.addAttribute("byStatus", byStatus);
        model.addAttribute("byAxis", byAxis);
        model.addAttribute("lateMilestones", late);
        model.addAttribute("nextSessions", nextSessions());
        int year = today.getYear();
        model.addAttribute("fiscalYear", year);
        model.addAttribute("budget", platform.get("/api/budget/summary", Map.of("fiscalYear", year)));
        return "dashboard";
    }

    private List<Map<String, Object>> nextSessions() {
        Instant now = Instant.now();
        List<Map<String, Object>> next = new ArrayList<>();
        for (Map<String, Object> instance : Lists.items(platform.get("/api/governance/instances",
                Map.of("size", 100)))) {
            for (Map<String, Object> session : platform.list("/api/governance/instances/{id}/sessions", Map.of(),
                    instance.get("id"))) {
                Object at = session.get("scheduledAt");
                if (at != null && Instant.parse(String.valueOf(at)).isAfter(now)) {
                    Map<String, Object> row = new java.util.HashMap<>(session);
                    row.put("instanceName", instance.get("name"));
                    next.add(row);
                }
            }
        }
        next.sort(Comparator.comparing(session -> String.valueOf(session.get("scheduledAt"))));
        return next.size() > 5 ? next.subList(0, 5) : next;
    }
}

package fr.mutualis.console.web;

import fr.mutualis.console.format.FrenchFormats;
import fr.mutualis.console.platform.PlatformClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.LocalDate;
import java.util.Map;

/**
 * Budget and Évaluation in the navigation: part 2 of the console fills them; until then each shows the key figures
 * the API already gives (the year's budget summary, the barometer).
 */
@Controller
class SectionsController {

    private final PlatformClient platform;

    SectionsController(PlatformClient platform) {
        this.platform = platform;
    }

    @GetMapping("/budget")
    String budget(Model model) {
        int year = LocalDate.now(FrenchFormats.PARIS).getYear();
        model.addAttribute("fiscalYear", year);
        model.addAttribute("budget", platform.get("/api/budget/summary", Map.of("fiscalYear", year)));
        return "budget";
    }

    @GetMapping("/evaluation")
    String evaluation(Model model) {
        model.addAttribute("barometer", platform.get("/api/evaluation/barometer"));
        return "evaluation";
    }
}

package fr.mutualis.console.web;

import fr.mutualis.console.format.FrenchFormats;
import fr.mutualis.console.platform.PlatformClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.LocalDate;
import java.util.Map;

/** Budget in the navigation: the year's budget summary of the active collectivité. */
@Controller
class BudgetController {

    private final PlatformClient platform;

    BudgetController(PlatformClient platform) {
        this.platform = platform;
    }

    @GetMapping("/budget")
    String budget(Model model) {
        int year = LocalDate.now(FrenchFormats.PARIS).getYear();
        model.addAttribute("fiscalYear", year);
        model.addAttribute("budget", platform.get("/api/budget/summary", Map.of("fiscalYear", year)));
        return "budget/index";
    }
}

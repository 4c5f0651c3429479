package fr.mutualis.console.web;

import fr.mutualis.console.platform.PlatformClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Évaluation in the navigation: the barometer of the active collectivité. */
@Controller
class EvaluationController {

    private final PlatformClient platform;

    EvaluationController(PlatformClient platform) {
        this.platform = platform;
    }

    @GetMapping("/evaluation")
    String evaluation(Model model) {
        model.addAttribute("barometer", platform.get("/api/evaluation/barometer"));
        return "evaluation/index";
    }
}

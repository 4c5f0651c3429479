package fr.mutualis.console.web;

import fr.mutualis.console.platform.ApiProblem;
import fr.mutualis.console.platform.ApiResult;
import fr.mutualis.console.platform.PlatformClient;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * « Mes alertes par e-mail »: for each kind of alert, the signed-in person chooses no mail, a mail at once or the daily
 * digest, in the collectivité they act for. The page sends every choice to the API as chosen; a choice it refuses is
 * shown next to its kind, the form as it was sent.
 */
@Controller
class AlertSubscriptionsController {

    static final String PAGE = "/evaluation/alertes-email";
    static final String NONE = "NONE";
    static final List<String> MODES = List.of(NONE, "IMMEDIATE", "DAILY_DIGEST");
    private static final String API = "/api/evaluation/alert-subscriptions";
    private static final Pattern ITEM = Pattern.compile("^subscriptions\\[(\\d+)]");

    private final PlatformClient platform;

    AlertSubscriptionsController(PlatformClient platform) {
        this.platform = platform;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        Map<String, Object> current = platform.get(API);
        Map<String, String> chosen = new LinkedHashMap<>();
        AlertsController.KINDS.forEach(kind -> chosen.put(kind, NONE));
        if (current.get("subscriptions") instanceof List<?> subscriptions) {
            for (Object subscription : subscriptions) {
                if (subscription instanceof Map<?, ?> item) {
                    chosen.put(String.valueOf(item.get("kind")), String.valueOf(item.get("mode")));
                }
            }
        }
        return page(model, chosen, current.get("email"), Map.of());
    }

    @PostMapping(PAGE)
    String save(@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                RedirectAttributes flash) {
        Map<String, String> chosen = new LinkedHashMap<>();
        List<String> sent = new ArrayList<>();
        List<Map<String, Object>> subscriptions = new ArrayList<>();
        for (String kind : AlertsController.KINDS) {
            String mode = form.getOrDefault("mode-" + kind, NONE);
            chosen.put(kind, mode);
            if (!NONE.equals(mode)) {
                sent.add(kind);
                subscriptions.add(Map.of("kind", kind, "mode", mode));
            }
        }
        ApiResult result = platform.put(API, Map.of("subscriptions", subscriptions));
        if (!result.accepted()) {
            return PortfolioController.refused(model, response, result,
                    page(model, chosen, platform.get(API).get("email"), refusedKinds(result.problem(), sent)));
        }
        flash.addFlashAttribute("notice", "alertSubscriptions.saved");
        return "redirect:" + PAGE;
    }

    /** The kinds whose choice the API refused: its {@code errors[].field} name an item of the list sent. */
    private static Map<String, Boolean> refusedKinds(ApiProblem problem, List<String> sent) {
        Map<String, Boolean> refused = new LinkedHashMap<>();
        for (ApiProblem.FieldProblem error : problem.errors()) {
            Matcher item = ITEM.matcher(String.valueOf(error.field()));
            if (item.find() && Integer.parseInt(item.group(1)) < sent.size()) {
                refused.put(sent.get(Integer.parseInt(item.group(1))), true);
            }
        }
        return refused;
    }

    private static String page(Model model, Map<String, String> chosen, Object email, Map<String, Boolean> refused) {
        model.addAttribute("kinds", AlertsController.KINDS);
        model.addAttribute("modes", MODES);
        model.addAttribute("chosen", chosen);
        model.addAttribute("email", email);
        model.addAttribute("refused", refused);
        return "evaluation/alert-subscriptions";
    }
}

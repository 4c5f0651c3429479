package fr.mutualis.console.web;

import fr.mutualis.console.platform.ActiveTenant;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The switcher: a person whose token lists several collectivités chooses the one they act for. */
@Controller
class TenantController {

    private final ActiveTenant tenant;

    TenantController(ActiveTenant tenant) {
        this.tenant = tenant;
    }

    @PostMapping("/collectivite")
    String choose(@RequestParam(required = false) String siren, HttpServletResponse response) {
        if (!tenant.choose(siren)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return "error/403";
        }
        // Another collectivité's page may not exist for this one: start from its dashboard.
        return "redirect:/";
    }
}

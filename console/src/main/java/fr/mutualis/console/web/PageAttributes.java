package fr.mutualis.console.web;

import fr.mutualis.console.platform.ActiveTenant;
import fr.mutualis.console.platform.PlatformClient;
import fr.mutualis.console.platform.PlatformException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.client.RestClientException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every page shows: the signed-in person, the active collectivité named (not only its SIREN), the
 * collectivités the switcher offers and what the person's roles allow. Names are asked once per session.
 * <p>
 * An error page asks the platform nothing: it must show when the platform or the person's tokens do not answer, and
 * a missing file (a browser's icon) must not cost calls, nor refresh tokens beside the page that asked for it.
 */
@ControllerAdvice
class PageAttributes {

    private static final String NAMES = "mutualis.tenantNames";

    private final ActiveTenant tenant;
    private final PlatformClient platform;

    PageAttributes(ActiveTenant tenant, PlatformClient platform) {
        this.tenant = tenant;
        this.platform = platform;
    }

    @ModelAttribute("person")
    String person() {
        return tenant.person().map(user -> user.getClaimAsString("name")).orElse(null);
    }

    @ModelAttribute("activeSiren")
    String activeSiren() {
        return tenant.current().orElse(null);
    }

    /** The collectivités of the person's token, SIREN to name, in the token's order. */
    @ModelAttribute("tenants")
    Map<String, String> tenants(HttpSession session, HttpServletRequest request) {
        if (tenant.person().isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, String> names = session.getAttribute(NAMES) instanceof Map<?, ?> cached
                ? (Map<String, String>) cached : new HashMap<>();
        Map<String, String> ordered = new LinkedHashMap<>();
        boolean learned = false;
        for (String siren : tenant.allowed()) {
            String name = names.get(siren);
            if (name == null && isErrorPage(request)) {
                name = siren;
            } else if (name == null) {
                name = nameOf(siren);
                names.put(siren, name);
                learned = true;
            }
            ordered.put(siren, name);
        }
        if (learned) {
            session.setAttribute(NAMES, new HashMap<>(names));
        }
        return ordered;
    }

    /** Whether the person may change data (every role but the read-only REPORTING). */
    @ModelAttribute("canWrite")
    boolean canWrite() {
        List<String> roles = tenant.roles();
        return roles.stream().anyMatch(role -> !role.equals("REPORTING"));
    }

    @ModelAttribute("roles")
    List<String> roles() {
        return tenant.roles();
    }

    /**
     * How many alerts are open for the active collectivité, for the link in every page's navigation: one call asking
     * for a page of one. Null (no link) when nobody is signed in or evaluation does not answer: a page must not fail
     * for its badge.
     */
    @ModelAttribute("openAlerts")
    Long openAlerts(HttpServletRequest request) {
        if (tenant.person().isEmpty() || tenant.current().isEmpty() || isErrorPage(request)) {
            return null;
        }
        try {
            Object total = platform.get("/api/evaluation/alerts", Map.of("open", true, "size", 1)).get("total");
            return total instanceof Number number ? number.longValue() : null;
        } catch (ClientAuthorizationRequiredException signInAgain) {
            throw signInAgain;
        } catch (PlatformException | RestClientException unavailable) {
            return null;
        }
    }

    private static boolean isErrorPage(HttpServletRequest request) {
        return request.getDispatcherType() == DispatcherType.ERROR;
    }

    private String nameOf(String siren) {
        try {
            Object name = platform.getAs(siren, "/api/governance/collectivites/{siren}", siren).get("name");
            return name == null ? siren : String.valueOf(name);
        } catch (ClientAuthorizationRequiredException signInAgain) {
            throw signInAgain;
        } catch (PlatformException unknown) {
            // A collectivité not registered yet (an empty platform): its SIREN is all there is to show.
            return siren;
        }
    }
}

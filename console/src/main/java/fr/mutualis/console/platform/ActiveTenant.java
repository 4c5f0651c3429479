package fr.mutualis.console.platform;

import fr.mutualis.contracts.HttpContract;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.List;
import java.util.Optional;

/**
 * The collectivité the person acts for, kept in the session: one of the {@code tenants} of their token (the first
 * by default). Every call to the platform names it in {@code X-Tenant-Id}; the gateway and the services check it
 * again.
 */
@Component
public class ActiveTenant {

    static final String ATTRIBUTE = "mutualis.activeTenant";

    /** The tenants the signed-in person may act for, from their ID token (the same claim as the access token). */
    public List<String> allowed() {
        return person().map(user -> user.getClaimAsStringList(HttpContract.TENANTS_CLAIM)).orElse(List.of());
    }

    public List<String> roles() {
        return person().map(user -> user.getClaimAsStringList(HttpContract.ROLES_CLAIM)).orElse(List.of());
    }

    public Optional<String> current() {
        List<String> allowed = allowed();
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        Object chosen = session(false).map(session -> session.getAttribute(ATTRIBUTE)).orElse(null);
        return Optional.of(chosen instanceof String siren && allowed.contains(siren) ? siren : allowed.getFirst());
    }

    /** Chooses {@code siren}; false when the person's token does not list it (nothing changes then). */
    public boolean choose(String siren) {
        if (siren == null || !allowed().contains(siren)) {
            return false;
        }
        session(true).ifPresent(session -> session.setAttribute(ATTRIBUTE, siren));
        return true;
    }

    public Optional<OidcUser> person() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof OidcUser user
                ? Optional.of(user) : Optional.empty();
    }

    private static Optional<HttpSession> session(boolean create) {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.ofNullable(attributes.getRequest().getSession(create)) : Optional.empty();
    }
}

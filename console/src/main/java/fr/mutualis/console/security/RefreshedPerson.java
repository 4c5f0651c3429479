package fr.mutualis.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.authentication.event.OidcUserRefreshedEvent;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Saves the person refreshed with the issuer's new ID token into the session: Spring Security only changes the
 * current request's security context, and the next request (the logout, for one) would see the old ID token.
 */
@Component
class RefreshedPerson implements ApplicationListener<OidcUserRefreshedEvent> {

    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    @Override
    public void onApplicationEvent(OidcUserRefreshedEvent event) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return;
        }
        HttpServletRequest request = attributes.getRequest();
        HttpServletResponse response = attributes.getResponse();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(event.getAuthentication());
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}

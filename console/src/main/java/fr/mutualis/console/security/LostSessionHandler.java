package fr.mutualis.console.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;
import java.net.URI;

/**
 * A form sent after its session ended (expired, or the cookie no longer names one) fails the CSRF check, since its
 * token belonged to that session. That is not a forgery to refuse but a person to sign in again: they are sent
 * back to the page the form was on (the page htmx names, else the Referer), which asks for sign-in and then shows the page again (with htmx, through
 * {@code HX-Redirect}, a full navigation). Every other refusal gets the 403 page.
 */
final class LostSessionHandler implements AccessDeniedHandler {

    private final AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();

    LostSessionHandler(String forbiddenPage) {
        forbidden.setErrorPage(forbiddenPage);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof CsrfException) || request.getRequestedSessionId() == null
                || request.isRequestedSessionIdValid()) {
            forbidden.handle(request, response, denied);
            return;
        }
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        // htmx names the page it was sent from (HX-Current-URL); a plain form, its Referer
        String page = request.getContextPath()
                + pathOf(htmx ? request.getHeader("HX-Current-URL") : request.getHeader("Referer"));
        if (htmx) {
            response.setHeader("HX-Redirect", page);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(page);
        }
    }

    /** The path and query of the page the form was on; the root when unknown (never another site). */
    private static String pathOf(String referer) {
        try {
            URI uri = referer == null ? null : URI.create(referer);
            if (uri == null || uri.getRawPath() == null || !uri.getRawPath().startsWith("/")) {
                return "/";
            }
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException malformed) {
            return "/";
        }
    }
}

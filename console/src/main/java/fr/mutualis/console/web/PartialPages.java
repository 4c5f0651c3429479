package fr.mutualis.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Set;

/**
 * Progressive partial updates with htmx: every URL answers its full page, and the same URL answers only the region
 * htmx asked for ({@code HX-Request} with {@code HX-Target} naming one of the page's regions by id). A history
 * restore ({@code HX-History-Restore-Request}) and any other target get the full page, so a page works the same
 * with or without JavaScript. The one place where a controller chooses between a page and its region.
 */
public final class PartialPages {

    /** Set on the model when only a region is rendered: the region then carries the page's notice and problem. */
    public static final String PARTIAL = "partial";

    /**
     * {@code view}, or {@code view :: #target} when htmx asks for one of {@code regions} (ids of elements of the
     * view). Caches are told that the answer depends on {@code HX-Request}.
     */
    public static String view(Model model, String view, Set<String> regions) {
        ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest request = current.getRequest();
        HttpServletResponse response = current.getResponse();
        if (response != null) {
            response.addHeader("Vary", "HX-Request");
        }
        String target = request.getHeader("HX-Target");
        boolean partial = "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"))
                && target != null && regions.contains(target);
        model.addAttribute(PARTIAL, partial);
        return partial ? view + " :: #" + target : view;
    }

    private PartialPages() {
    }
}

package fr.mutualis.console.web;

import fr.mutualis.console.platform.PlatformException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refusals a person understands: the platform's 404 (unknown, or another collectivité's data: the same thing), 403 and
 * 400 (a value in the address it refuses) have their own pages, anything else a sober "service unavailable" page;
 * never a stack trace. A sign-in that must be redone is left to Spring Security, which sends the person to the issuer.
 */
@ControllerAdvice
@Controller
class ErrorPages {

    @ExceptionHandler(PlatformException.class)
    ModelAndView platformRefused(PlatformException refused, HttpServletResponse response) {
        int status = refused.status();
        if (status == 404 || status == 403) {
            response.setStatus(status);
            return new ModelAndView("error/" + status);
        }
        if (status == 400) {
            // a value in the address the API refuses (an exercice such as ?fiscalYear=1800): the person's request,
            // not an outage; its French words when the API gave them
            response.setStatus(status);
            List<String> words = new ArrayList<>();
            if (refused.problem().detail() != null) {
                words.add(refused.problem().detail());
            }
            refused.problem().byField().values().stream().filter(message -> !words.contains(message)).forEach(words::add);
            return new ModelAndView("error/400", Map.of("refusals", words));
        }
        response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
        return new ModelAndView("error/5xx");
    }

    /** A malformed id in the address is a page that does not exist. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String malformedAddress(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "error/404";
    }

    /** Spring Security's access-denied page (a form without its CSRF token, for instance): forwarded with its method. */
    @RequestMapping("/interdit")
    String forbidden(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "error/403";
    }

    /** After logout at the issuer: a public page to sign in again. */
    @GetMapping("/au-revoir")
    String loggedOut() {
        return "logged-out";
    }
}

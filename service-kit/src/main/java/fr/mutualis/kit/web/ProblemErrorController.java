package fr.mutualis.kit.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;

/**
 * The container's error page ({@code /error}), in place of Boot's: what fails outside Spring MVC (a filter, the
 * servlet container) is answered as problem+json like everything else. Called directly, {@code /error} is not a
 * resource: 404, instead of Boot's 500 {@code {"status":999}}.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
public class ProblemErrorController implements ErrorController {

    private final ProblemResponses problems;

    public ProblemErrorController(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestMapping
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null || status.value() < 400) {
            status = code == null ? HttpStatus.NOT_FOUND : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        response.reset();
        problems.write(request, response, status, Problems.slug(status), status.getReasonPhrase(),
                status.is5xxServerError() ? "The request could not be completed; it has been logged"
                        : "The request was refused: " + status.getReasonPhrase());
    }
}

package fr.mutualis.console.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error path, in place of Boot's: a person gets the console's page for the status, any other client
 * a problem+json; asked for directly (no error behind it), {@code /error} is a page that does not exist, never the
 * 500 {@code {"status":999}} Boot answers then.
 */
@Controller
class ErrorEndpoint implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, HttpServletResponse response) {
        int status = status(request);
        response.setStatus(status);
        return status == 403 || status == 404 ? "error/" + status : "error/5xx";
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = HttpStatus.valueOf(status(request));
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setDetail(status == HttpStatus.NOT_FOUND ? "No such page" : status.getReasonPhrase());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer status) || HttpStatus.resolve(status) == null) {
            return HttpStatus.NOT_FOUND.value();
        }
        return status;
    }
}

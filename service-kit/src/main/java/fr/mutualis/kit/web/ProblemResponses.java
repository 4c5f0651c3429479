package fr.mutualis.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;

/** Writes a problem+json answer where no MVC exception handler runs: security filters and entry points. */
public class ProblemResponses {

    private final JsonMapper jsonMapper;

    public ProblemResponses(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
                      String title, String detail) throws IOException {
        write(request, response, status, slug, title, detail, problem -> {
        });
    }

    /** The same, with extension members ({@code errors}...) added by {@code extend}. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
                      String title, String detail, Consumer<ProblemDetail> extend) throws IOException {
        ProblemDetail problem = Problems.of(status, slug, title, detail);
        extend.accept(problem);
        instance(request).ifPresent(problem::setInstance);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }

    // A request refused for its URL may not have one that parses: the problem then goes without an instance.
    private static Optional<URI> instance(HttpServletRequest request) {
        try {
            return Optional.ofNullable(request.getRequestURI()).map(URI::create);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

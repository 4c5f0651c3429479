package fr.mutualis.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * API writes take JSON (RFC 8259: UTF-8) and nothing else: a body of any other declared type, a wildcard type, a
 * malformed one, another charset, or a body without a type answers 415 problem+json naming {@code application/json}.
 * <p>
 * Checked before any controller, once for every endpoint, because the message converters alone let too much in: a
 * YAML converter once read {@code application/yaml} bodies with none of the JSON rules, and wildcard types such as
 * {@code *}{@code /*} reached code that cannot handle them (500). Writes without a body and without a type (a close,
 * a rebuild) pass.
 */
public class JsonRequestBodyFilter extends OncePerRequestFilter {

    public static final String ACCEPTED = MediaType.APPLICATION_JSON_VALUE;

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final ProblemResponses problems;

    public JsonRequestBodyFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (contentType == null && !hasBody || contentType != null && isJson(contentType)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.ACCEPT, ACCEPTED);
        String detail = contentType == null
                ? "A request body needs Content-Type: " + ACCEPTED
                : "This Content-Type is not accepted: send " + ACCEPTED + " (UTF-8)";
        problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Unsupported media type", detail, problem -> {
                    problem.setProperty("accepted", List.of(ACCEPTED));
                    problem.setProperty("errors", List.of(new ProblemDetailsHandler.FieldProblem(
                            HttpHeaders.CONTENT_TYPE, detail)));
                });
    }

    static boolean isJson(String contentType) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException, or an illegal charset name
            return false;
        }
        if (!type.getType().equals("application") || !type.getSubtype().equals("json")) {
            return false;
        }
        try {
            return type.getCharset() == null || type.getCharset().equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) { // an unknown or illegal charset name
            return false;
        }
    }
}

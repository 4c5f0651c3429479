package fr.mutualis.kit.web;

import fr.mutualis.contracts.HttpContract;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.slf4j.MDC;

/** Builds RFC 9457 problems with a stable {@code type} URI per kind of problem and the correlation id. */
public final class Problems {

    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(HttpContract.problemType(slug));
        problem.setTitle(title);
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
    }

    /** The {@code type} slug of a refusal known only by its status (the container's, the firewall's). */
    public static String slug(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case CONTENT_TOO_LARGE -> "payload-too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            default -> status.is4xxClientError() ? "invalid-request" : "internal";
        };
    }

    private Problems() {
    }
}

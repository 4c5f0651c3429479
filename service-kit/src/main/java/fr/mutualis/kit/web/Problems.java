package fr.mutualis.kit.web;

import fr.mutualis.contracts.HttpContract;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problems with a stable {@code type} URI per kind of problem, the correlation and trace ids. */
public final class Problems {

    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(HttpContract.problemType(slug));
        problem.setTitle(title);
        CorrelationIdFilter.identify(problem);
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

package fr.mutualis.console.platform;

import java.util.Map;

/**
 * The answer to a write: its body when accepted, else the problem to show next to the form's fields.
 *
 * @param replayed the API answered {@code Idempotent-Replayed: true}: an earlier request with the same
 *                 {@code Idempotency-Key} already created the resource, nothing was created now
 */
public record ApiResult(Map<String, Object> body, ApiProblem problem, boolean replayed) {

    public ApiResult(Map<String, Object> body, ApiProblem problem) {
        this(body, problem, false);
    }

    public boolean accepted() {
        return problem == null;
    }

    /** The created resource's id ({@code {"id": ...}}), when there is one. */
    public String id() {
        return body == null || body.get("id") == null ? null : String.valueOf(body.get("id"));
    }
}

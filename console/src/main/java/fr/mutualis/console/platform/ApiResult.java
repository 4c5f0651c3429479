package fr.mutualis.console.platform;

import java.util.Map;

/** The answer to a write: its body when accepted, else the problem to show next to the form's fields. */
public record ApiResult(Map<String, Object> body, ApiProblem problem) {

    public boolean accepted() {
        return problem == null;
    }

    /** The created resource's id ({@code {"id": ...}}), when there is one. */
    public String id() {
        return body == null || body.get("id") == null ? null : String.valueOf(body.get("id"));
    }
}

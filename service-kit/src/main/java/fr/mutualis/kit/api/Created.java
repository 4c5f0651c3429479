package fr.mutualis.kit.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.Map;

/**
 * The answer to a creation: 201 with {@code Location} and {@code {"id": ...}}.
 * <p>
 * The {@code Location} is a path-absolute reference ({@code /api/portfolio/roadmaps/<id>}), which RFC 9110 §10.2.2
 * lets the client resolve against the URL it called: the gateway's public one, whatever the deployment. A service
 * never knows that URL for sure (an absolute one built from the request named the service's own address through the
 * gateway, and the caller's {@code Host} header when called directly), and the gateway serves every API path
 * unchanged, so the path alone is right everywhere with nothing to configure.
 */
public final class Created {

    /** Created under the requested collection: its path, then the id. */
    public static ResponseEntity<Map<String, Object>> at(Object id) {
        return created(request().getRequestURI(), id);
    }

    /** Created under another collection, {@code path} (e.g. {@code /api/budget/engagements}). */
    public static ResponseEntity<Map<String, Object>> at(String path, Object id) {
        return created(request().getContextPath() + path, id);
    }

    /**
     * The path-absolute {@code Location} of a resource other than a new member of a collection (a séance's decision
     * leads to the séance, a year's allocation to that year's split): {@code template} such as
     * {@code /api/governance/sessions/{id}}, its variables encoded.
     */
    public static URI location(String template, Object... variables) {
        return UriComponentsBuilder.fromUriString(request().getContextPath() + template).encode()
                .buildAndExpand(variables).toUri();
    }

    /** The path-absolute address of {@code id} under the requested collection. */
    public static URI member(Object id) {
        return member(request().getRequestURI(), id);
    }

    private static ResponseEntity<Map<String, Object>> created(String encodedPath, Object id) {
        return ResponseEntity.created(member(encodedPath, id)).body(Map.of("id", id));
    }

    // The request's path is already percent-encoded, and ids (UUIDs, SIRENs) need no encoding.
    private static URI member(String encodedPath, Object id) {
        return UriComponentsBuilder.fromPath(encodedPath).path("/" + id).build(true).toUri();
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    private Created() {
    }
}

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

    // The request's path is already percent-encoded, and ids (UUIDs, SIRENs) need no encoding.
    private static ResponseEntity<Map<String, Object>> created(String encodedPath, Object id) {
        URI location = UriComponentsBuilder.fromPath(encodedPath).path("/" + id).build(true).toUri();
        return ResponseEntity.created(location).body(Map.of("id", id));
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    private Created() {
    }
}

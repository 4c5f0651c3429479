package fr.mutualis.portfolio.api;

import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.tenant.TenantContext;
import fr.mutualis.portfolio.query.ProjectionRebuild;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

import static fr.mutualis.kit.security.AllowedRoles.PLATFORM_ADMIN;

/** Operations on the service itself, for platform administrators. */
@RestController
@RequestMapping("/api/portfolio/admin")
public class AdminController {

    static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";

    private final ProjectionRebuild rebuild;

    AdminController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** Rebuilds the read models by replaying the event store; the progress goes to the service's log. 409 if running. */
    @AllowedRoles(PLATFORM_ADMIN)
    @PostMapping("/read-models/rebuild")
    public ResponseEntity<Map<String, String>> rebuildReadModels(TenantContext caller) {
        if (!caller.hasRole(PLATFORM_ADMIN)) {
            throw new AccessDeniedException("Only a platform administrator rebuilds the read models");
        }
        rebuild.start();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "REBUILDING"));
    }
}

package fr.mutualis.kit.rebuild;

import fr.mutualis.kit.security.AllowedRoles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations, for platform administrators: rebuild every read model of the service from scratch while it keeps
 * accepting writes (202, 409 while one runs), and follow its progress. Same path in every service:
 * {@code /api/<context>/admin/rebuild}.
 */
@RestController
@RequestMapping("/api/${mutualis.api.context}/admin/rebuild")
@AllowedRoles(AllowedRoles.PLATFORM_ADMIN)
public class ReadModelRebuildController {

    private final ReadModelRebuild rebuild;

    public ReadModelRebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping
    public ResponseEntity<RebuildStatus> startRebuild() {
        return ResponseEntity.accepted().body(rebuild.start());
    }

    @GetMapping
    public RebuildStatus getRebuildStatus() {
        return rebuild.status();
    }
}

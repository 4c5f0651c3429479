package fr.mutualis.evaluation.api;

import fr.mutualis.evaluation.query.ReadModelRebuild;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations: rebuild every read model by replaying the topics and the event store from the beginning (see
 * evaluation-service/README.md); the status shows the progress, also logged every second.
 */
@RestController
@RequestMapping("/api/evaluation/admin/rebuild")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
public class RebuildController {

    private final ReadModelRebuild rebuild;

    public RebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    public ResponseEntity<ReadModelRebuild.Status> start() {
        return ResponseEntity.accepted().body(rebuild.start());
    }

    @GetMapping
    public ReadModelRebuild.Status status() {
        return rebuild.status();
    }
}

package fr.mutualis.evaluation.api;

import fr.mutualis.evaluation.messages.DeclareSelfAssessment;
import fr.mutualis.evaluation.query.SelfAssessmentQueries;
import fr.mutualis.evaluation.query.SelfAssessmentView;
import fr.mutualis.kit.api.IfMatch;
import fr.mutualis.kit.query.ReadYourWrites;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.tenant.Caller;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Optional;

import static fr.mutualis.kit.security.AllowedRoles.AGENT;
import static fr.mutualis.kit.security.AllowedRoles.ELU;
import static fr.mutualis.kit.security.AllowedRoles.PLATFORM_ADMIN;
import static fr.mutualis.kit.security.AllowedRoles.REPORTING;
import static fr.mutualis.kit.security.AllowedRoles.SHARED_SERVICE_ADMIN;

/** The caller's tenant declares its specialised digital roles and communication tools (barometer, DOMAIN.md §6). */
@RestController
@RequestMapping("/api/evaluation/self-assessment")
public class SelfAssessmentController {

    private final CommandGateway commands;
    private final SelfAssessmentQueries queries;

    public SelfAssessmentController(CommandGateway commands, SelfAssessmentQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @PutMapping
    public ResponseEntity<Map<String, Object>> declare(@Valid @RequestBody SelfAssessmentRequest request,
                                                       @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                       Caller caller) {
        caller.requireWriter();
        long version = commands.sendAndWait(new DeclareSelfAssessment(caller.tenantId(), request.roles(),
                request.communication(), IfMatch.expectedVersion(ifMatch)));
        // The ETag answered is the one the next GET shows, so that it can be sent back as If-Match straight away.
        ReadYourWrites.awaitVisible(() -> Optional.of(queries.selfAssessment(caller.tenantId()))
                .filter(view -> view.version() != null && view.version() >= version));
        return ResponseEntity.ok().eTag(String.valueOf(version)).body(Map.of("siren", caller.tenantId(), "version", version));
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping
    public ResponseEntity<SelfAssessmentView> get(Caller caller) {
        SelfAssessmentView view = queries.selfAssessment(caller.tenantId());
        var answer = ResponseEntity.ok();
        if (view.version() != null) {
            answer.eTag(String.valueOf(view.version()));
        }
        return answer.body(view);
    }
}

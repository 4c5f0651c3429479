package fr.mutualis.governance.api;

import fr.mutualis.governance.messages.CloseSession;
import fr.mutualis.governance.messages.DecisionTaken;
import fr.mutualis.governance.messages.RecordAttendance;
import fr.mutualis.governance.messages.RecordDecision;
import fr.mutualis.governance.query.GovernanceQueries;
import fr.mutualis.governance.query.InstanceView;
import fr.mutualis.governance.query.SessionView;
import fr.mutualis.kit.api.Created;
import fr.mutualis.kit.api.IfMatch;
import fr.mutualis.kit.creation.Creations;
import fr.mutualis.kit.creation.IdempotentCreation;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.query.ReadYourWrites;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.tenant.Caller;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.UUID;

import static fr.mutualis.kit.security.AllowedRoles.AGENT;
import static fr.mutualis.kit.security.AllowedRoles.ELU;
import static fr.mutualis.kit.security.AllowedRoles.PLATFORM_ADMIN;
import static fr.mutualis.kit.security.AllowedRoles.REPORTING;
import static fr.mutualis.kit.security.AllowedRoles.SHARED_SERVICE_ADMIN;

/**
 * A séance: roll call, votes, and closing, which publishes the procès-verbal and makes the decisions final.
 * Séances belong to their instance's event stream, so their ETag is the instance's version.
 */
@RestController
@RequestMapping("/api/governance/sessions")
public class SessionController {

    private final CommandGateway commands;
    private final Creations creations;
    private final GovernanceQueries queries;

    public SessionController(CommandGateway commands, GovernanceQueries queries, Creations creations) {
        this.creations = creations;
        this.commands = commands;
        this.queries = queries;
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/{id}")
    public ResponseEntity<SessionView> get(@PathVariable UUID id, Caller caller) {
        SessionView session = queries.session(id, caller.tenantId()).orElseThrow(() -> new NotFoundException("Session", id));
        return ResponseEntity.ok().eTag(String.valueOf(session.version())).body(session);
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @PutMapping("/{id}/attendance")
    public Map<String, Object> recordAttendance(@PathVariable UUID id, @Valid @RequestBody AttendanceRequest request,
                                          @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                          Caller caller) {
        InstanceView instance = managed(id, caller);
        long version = commands.sendAndWait(new RecordAttendance(instance.id(), id, caller,
                new LinkedHashSet<>(request.present().stream().map(String::strip).toList()), IfMatch.expectedVersion(ifMatch)));
        awaitReadable(id, version, caller);
        return Versions.versioned("id", id, version);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @IdempotentCreation
    @PostMapping("/{id}/decisions")
    public ResponseEntity<Map<String, Object>> takeDecision(@PathVariable UUID id, @Valid @RequestBody DecisionRequest request,
                                                      @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                      Caller caller) {
        InstanceView instance = managed(id, caller);
        return creations.createAnswering(request, decisionId -> {
            DecisionTaken taken = commands.sendAndWait(new RecordDecision(instance.id(), id, caller,
                    decisionId, request.agendaItemId(), request.votesFor(), request.votesAgainst(),
                    request.abstentions(), Boolean.TRUE.equals(request.deferred()), Boolean.TRUE.equals(request.secretBallot()),
                    request.chairVote(), IfMatch.expectedVersion(ifMatch)));
            var location = Created.location("/api/governance/sessions/{id}", id);
            return ResponseEntity.created(location).body(Map.<String, Object>of("id", taken.decisionId(),
                    "outcome", taken.outcome(), "version", taken.version()));
        }, (decisionId, taken) -> awaitReadable(id, ((Number) taken.getBody().get("version")).longValue(), caller));
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @PostMapping("/{id}/close")
    public Map<String, Object> close(@PathVariable UUID id,
                                     @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                     Caller caller) {
        InstanceView instance = managed(id, caller);
        long version = commands.sendAndWait(new CloseSession(instance.id(), id, caller, IfMatch.expectedVersion(ifMatch)));
        awaitReadable(id, version, caller);
        return Map.of("id", id, "status", "CLOSED", "version", version);
    }

    /**
     * A séance's page is read right after each of its writes (the console goes from closing to the minutes):
     * answer once the read model has reached the version written, so that the next read shows it.
     */
    private void awaitReadable(UUID sessionId, long version, Caller caller) {
        ReadYourWrites.awaitVisible(() -> queries.session(sessionId, caller.tenantId())
                .filter(session -> session.version() >= version));
    }

    private InstanceView managed(UUID sessionId, Caller caller) {
        InstanceView instance = queries.instanceOfSession(sessionId, caller.tenantId())
                .orElseThrow(() -> new NotFoundException("Session", sessionId));
        InstanceManagers.requireManages(caller, instance);
        return instance;
    }
}

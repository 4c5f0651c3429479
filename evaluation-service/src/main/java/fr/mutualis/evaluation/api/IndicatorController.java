package fr.mutualis.evaluation.api;

import fr.mutualis.evaluation.messages.DefineIndicator;
import fr.mutualis.evaluation.messages.RecordMeasurement;
import fr.mutualis.evaluation.messages.ScopeKind;
import fr.mutualis.evaluation.query.EvaluationQueries;
import fr.mutualis.evaluation.query.IndicatorDetails;
import fr.mutualis.evaluation.query.IndicatorSummary;
import fr.mutualis.evaluation.query.IndicatorView;
import fr.mutualis.kit.api.Created;
import fr.mutualis.kit.api.IfMatch;
import fr.mutualis.kit.api.Page;
import fr.mutualis.kit.api.PageRequest;
import fr.mutualis.kit.creation.Creations;
import fr.mutualis.kit.creation.IdempotentCreation;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.InvalidInputException;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.query.ReadYourWrites;
import fr.mutualis.kit.reference.PublishedReferences;
import fr.mutualis.kit.reference.ReferenceKind;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.tenant.Caller;
import fr.mutualis.kit.tenant.Owner;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.mutualis.kit.security.AllowedRoles.AGENT;
import static fr.mutualis.kit.security.AllowedRoles.ELU;
import static fr.mutualis.kit.security.AllowedRoles.PLATFORM_ADMIN;
import static fr.mutualis.kit.security.AllowedRoles.REPORTING;
import static fr.mutualis.kit.security.AllowedRoles.SHARED_SERVICE_ADMIN;

@RestController
@RequestMapping("/api/evaluation/indicators")
public class IndicatorController {

    private final CommandGateway commands;
    private final Creations creations;
    private final EvaluationQueries queries;
    private final PublishedReferences references;

    public IndicatorController(CommandGateway commands, EvaluationQueries queries, PublishedReferences references, Creations creations) {
        this.creations = creations;
        this.commands = commands;
        this.queries = queries;
        this.references = references;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @IdempotentCreation
    @PostMapping
    public ResponseEntity<Map<String, Object>> define(@Valid @RequestBody DefineIndicatorRequest request, Caller caller) {
        String scopeId = request.scopeId().strip();
        Owner owner = ownerOfScope(request.scopeKind(), scopeId, caller);
        // The next request (GET, a measurement) is authorised against the read model: answer once it shows the indicator.
        return creations.create(request, id -> commands.sendAndWait(new DefineIndicator(id, owner, request.scopeKind(),
                        scopeId, request.name().strip(), request.unit().strip(), request.baselineValue(),
                        request.baselineDate(), request.targetValue(), request.targetDate(), request.direction(),
                        request.frequency())),
                id -> ReadYourWrites.awaitVisible(() -> queries.indicator(id, List.of(owner))));
    }

    /** The indicators of the caller's tenant and of the mutualisations it belongs to or administers. */
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping
    public Page<IndicatorSummary> list(@RequestParam(required = false) ScopeKind scopeKind,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size, Caller caller) {
        return queries.indicators(caller.sees(), scopeKind == null ? null : scopeKind.name(),
                PageRequest.of(page, size));
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/{id}")
    public ResponseEntity<IndicatorDetails> get(@PathVariable UUID id, Caller caller) {
        IndicatorDetails indicator = queries.indicatorDetails(id, caller.sees())
                .orElseThrow(() -> new NotFoundException("Indicator", id));
        return ResponseEntity.ok().eTag(String.valueOf(indicator.version())).body(indicator);
    }

    /** A measurement of a visible indicator, by whoever manages the indicator's owner; If-Match guards the version. */
    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @IdempotentCreation
    @PostMapping("/{id}/measurements")
    public ResponseEntity<Map<String, Object>> measure(@PathVariable UUID id, @Valid @RequestBody RecordMeasurementRequest request,
                                                       @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                       Caller caller) {
        IndicatorView indicator = queries.indicator(id, caller.sees())
                .orElseThrow(() -> new NotFoundException("Indicator", id));
        Owner owner = Owner.of(indicator.ownerId());
        caller.requireManages(owner, "Indicator", id);
        // A measurement is no resource of its own: the key's id is not used.
        return creations.createAnswering(request, unused -> {
            long version = commands.sendAndWait(new RecordMeasurement(id, request.date(), request.value(),
                    request.source().strip(), IfMatch.expectedVersion(ifMatch)));
            var location = Created.location("/api/evaluation/indicators/{id}", id);
            return ResponseEntity.created(location).eTag(String.valueOf(version))
                    .body(Map.<String, Object>of("indicatorId", id, "version", version));
        }, (unused, created) -> ReadYourWrites.awaitVisible(() -> queries.indicator(id, List.of(owner))
                .filter(current -> current.version() >= ((Number) created.getBody().get("version")).longValue())));
    }

    /**
     * An indicator belongs to the owner of what it measures: the caller's tenant, or a mutualisation its tenant
     * administers. A scope the caller cannot see is unknown (404 naming scopeId; a roadmap or project just created is
     * awaited a moment, see PublishedReferences), a roadmap given as a PROJECT scope or the reverse is 422, and a
     * scope the caller sees but does not manage is 403.
     */
    private Owner ownerOfScope(ScopeKind kind, String scopeId, Caller caller) {
        return switch (kind) {
            case TENANT -> {
                if (!scopeId.equals(caller.tenantId())) {
                    throw new BusinessRuleViolationException("indicator-scope", "scopeId",
                            "A TENANT indicator measures the caller's own tenant " + caller.tenantId(), Map.of("scopeId", scopeId));
                }
                caller.requireManages(caller.tenant(), "Collectivité", scopeId);
                yield caller.tenant();
            }
            case MUTUALISATION -> {
                UUID id = uuid(kind, scopeId);
                Owner owner = Owner.mutualisation(id);
                if (!caller.sees(owner)) {
                    throw new NotFoundException("Mutualisation", id, "scopeId", null);
                }
                caller.requireManages(owner, "Mutualisation", id);
                yield owner;
            }
            case ROADMAP, PROJECT -> {
                UUID id = uuid(kind, scopeId);
                Owner owner = Owner.of(references.require(caller.tenantId(), "scopeId", id,
                        kind == ScopeKind.ROADMAP ? ReferenceKind.ROADMAP : ReferenceKind.PROJECT).ownerId());
                caller.requireManages(owner, kind.name(), id);
                yield owner;
            }
        };
    }

    private static UUID uuid(ScopeKind kind, String scopeId) {
        try {
            return UUID.fromString(scopeId);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("scopeId", "scopeId of a " + kind + " indicator must be a UUID", "scope-uuid",
                    Map.of("kind", kind));
        }
    }
}

package fr.mutualis.evaluation.api;

import fr.mutualis.evaluation.command.DefineIndicator;
import fr.mutualis.evaluation.command.ScopeKind;
import fr.mutualis.evaluation.query.EvaluationQueries;
import fr.mutualis.evaluation.query.IndicatorView;
import fr.mutualis.kit.api.Created;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.InvalidInputException;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.tenant.TenantContext;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/evaluation/indicators")
public class IndicatorController {

    private final CommandGateway commands;
    private final EvaluationQueries queries;

    public IndicatorController(CommandGateway commands, EvaluationQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> define(@Valid @RequestBody DefineIndicatorRequest request, TenantContext tenant) {
        checkScope(request.scopeKind(), request.scopeId().strip(), tenant.tenantId());
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new DefineIndicator(id, tenant.tenantId(), request.scopeKind(), request.scopeId().strip(),
                request.name().strip(), request.unit().strip(), request.baselineValue(), request.baselineDate(),
                request.targetValue(), request.targetDate(), request.direction(), request.frequency()));
        return Created.at(id);
    }

    @GetMapping("/{id}")
    public ResponseEntity<IndicatorView> get(@PathVariable UUID id, TenantContext tenant) {
        IndicatorView indicator = queries.indicator(id, tenant.tenantId()).orElseThrow(() -> new NotFoundException("Indicator", id));
        return ResponseEntity.ok().eTag(String.valueOf(indicator.version())).body(indicator);
    }

    /** An indicator measures something the caller's tenant owns. */
    private void checkScope(ScopeKind kind, String scopeId, String tenant) {
        switch (kind) {
            case TENANT -> {
                if (!scopeId.equals(tenant)) {
                    throw new BusinessRuleViolationException("indicator-scope",
                            "A TENANT indicator measures the caller's own tenant " + tenant, Map.of("scopeId", scopeId));
                }
            }
            case ROADMAP, PROJECT -> {
                UUID id;
                try {
                    id = UUID.fromString(scopeId);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("scopeId", "scopeId of a " + kind + " indicator must be a UUID");
                }
                if (!queries.ownsPortfolioItem(kind.name(), id, tenant)) {
                    throw new BusinessRuleViolationException("indicator-scope",
                            "No " + kind.name().toLowerCase() + " " + scopeId + " of the caller's tenant is known to evaluation",
                            Map.of("scopeId", scopeId));
                }
            }
            case MUTUALISATION -> throw new BusinessRuleViolationException("indicator-scope",
                    "Mutualisation indicators are not available yet", Map.of("scopeId", scopeId));
        }
    }
}

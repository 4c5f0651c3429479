package fr.mutualis.budget.api;

import fr.mutualis.budget.messages.AllocateCosts;
import fr.mutualis.budget.messages.AllocationMethod;
import fr.mutualis.budget.query.AllocationView;
import fr.mutualis.budget.query.BudgetQueries;
import fr.mutualis.budget.query.GovernanceDirectory;
import fr.mutualis.kit.api.Created;
import fr.mutualis.kit.creation.Creations;
import fr.mutualis.kit.creation.IdempotentCreation;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.InvalidInputException;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.mutualisation.Mutualisation;
import fr.mutualis.kit.mutualisation.MutualisationDirectory;
import fr.mutualis.kit.query.ReadYourWrites;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.error.NotPermittedException;
import fr.mutualis.kit.tenant.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static fr.mutualis.kit.security.AllowedRoles.AGENT;
import static fr.mutualis.kit.security.AllowedRoles.ELU;
import static fr.mutualis.kit.security.AllowedRoles.PLATFORM_ADMIN;
import static fr.mutualis.kit.security.AllowedRoles.REPORTING;
import static fr.mutualis.kit.security.AllowedRoles.SHARED_SERVICE_ADMIN;

/**
 * Allocation of a mutualisation's yearly cost among its members (service commun), by the convention's key.
 * Visibility (ARCHITECTURE.md §2): the administering EPCI sees every member's part, a member only its own, anyone
 * else gets 404; only the administering EPCI's SHARED_SERVICE_ADMIN allocates (a member gets 403).
 */
@RestController
@RequestMapping("/api/budget/mutualisations/{id}/allocations")
public class AllocationController {

    private final CommandGateway commands;
    private final Creations creations;
    private final MutualisationDirectory mutualisations;
    private final GovernanceDirectory governance;
    private final BudgetQueries queries;

    public AllocationController(CommandGateway commands, MutualisationDirectory mutualisations,
                                GovernanceDirectory governance, BudgetQueries queries, Creations creations) {
        this.creations = creations;
        this.commands = commands;
        this.mutualisations = mutualisations;
        this.governance = governance;
        this.queries = queries;
    }

    /** Answers the split at once: 201 {mutualisationId, fiscalYear, costCents, method, allocations[] {siren, weight, amountCents}}. */
    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @IdempotentCreation
    @PostMapping
    public ResponseEntity<AllocationView> allocateMutualisationCosts(@PathVariable UUID id, @Valid @RequestBody AllocationRequest request,
                                                   Caller caller) {
        Mutualisation mutualisation = visible(id, caller);
        if (!mutualisation.isAdministeredBy(caller.tenantId()) || !caller.hasRole(Caller.SHARED_SERVICE_ADMIN)) {
            throw new NotPermittedException("Only the administering EPCI's shared-service administrators allocate costs");
        }
        AllocationMethod method = method(mutualisation);
        if (request.usage() != null && method != AllocationMethod.USAGE) {
            throw new InvalidInputException("usage", "usage is only given for the USAGE key; this mutualisation's key is " + method,
                    "usage-not-for-key", Map.of("method", method));
        }
        Map<String, BigDecimal> weights = switch (method) {
            case POPULATION -> governance.populations(mutualisation.memberSirens());
            case FIXED_SHARES -> governance.shares(id);
            case USAGE -> {
                if (request.usage() == null) {
                    throw new InvalidInputException("usage", "usage {siren: units} is required for the USAGE key",
                            "usage-required");
                }
                Map<String, BigDecimal> units = new TreeMap<>();
                request.usage().forEach((siren, count) -> units.put(siren, BigDecimal.valueOf(count)));
                yield units;
            }
        };
        // The year's split has its own id (AllocateCosts.idOf): the key's id is not used.
        // A GET right after the 201 must show this split, not the year's previous one.
        return creations.createAnswering(request, AllocationView.class, unused -> {
            List<fr.mutualis.budget.messages.MemberAllocation> allocations = commands.sendAndWait(new AllocateCosts(
                    AllocateCosts.idOf(id, request.fiscalYear()), id, mutualisation.epciSiren(), request.fiscalYear(),
                    request.costCents(), method, mutualisation.memberSirens(), weights));
            var location = Created.location("/api/budget/mutualisations/{id}/allocations?fiscalYear={year}", id,
                    request.fiscalYear());
            return ResponseEntity.created(location).body(new AllocationView(id, request.fiscalYear(),
                    request.costCents(), method.name(), allocations.stream()
                    .map(allocation -> new AllocationView.Share(allocation.siren(), allocation.weight(), allocation.amountCents()))
                    .toList()));
        }, (unused, created) -> ReadYourWrites.awaitVisible(() -> queries.allocation(id, request.fiscalYear(), null)
                .filter(read -> read.costCents() == created.getBody().costCents()
                        && amounts(read).equals(amounts(created.getBody())))));
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping
    public AllocationView getMutualisationAllocation(@PathVariable UUID id, @RequestParam @Min(2000) @Max(2100) int fiscalYear,
                                      Caller caller) {
        Mutualisation mutualisation = visible(id, caller);
        String only = mutualisation.isAdministeredBy(caller.tenantId()) ? null : caller.tenantId();
        return queries.allocation(id, fiscalYear, only)
                .orElseThrow(() -> new NotFoundException("Allocation of " + fiscalYear + " of mutualisation", id));
    }

    private static Map<String, Long> amounts(AllocationView view) {
        Map<String, Long> amounts = new TreeMap<>();
        view.allocations().forEach(share -> amounts.put(share.siren(), share.amountCents()));
        return amounts;
    }

    private Mutualisation visible(UUID id, Caller caller) {
        return mutualisations.find(id)
                .filter(found -> found.isAdministeredBy(caller.tenantId()) || found.hasMember(caller.tenantId()))
                .orElseThrow(() -> new NotFoundException("Mutualisation", id));
    }

    private static AllocationMethod method(Mutualisation mutualisation) {
        return Arrays.stream(AllocationMethod.values())
                .filter(method -> method.name().equals(mutualisation.allocationMethod()))
                .findFirst()
                .orElseThrow(() -> new BusinessRuleViolationException("allocation-method-unknown",
                        "Mutualisation " + mutualisation.id() + " has an allocation key the budget does not know: "
                                + mutualisation.allocationMethod(), Map.of("method", String.valueOf(mutualisation.allocationMethod()))));
    }
}

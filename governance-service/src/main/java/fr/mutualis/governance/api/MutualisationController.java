package fr.mutualis.governance.api;

import fr.mutualis.kit.creation.Creations;
import fr.mutualis.kit.creation.IdempotentCreation;
import fr.mutualis.kit.query.ReadYourWrites;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.governance.messages.CreateMutualisation;
import fr.mutualis.governance.query.GovernanceQueries;
import fr.mutualis.governance.query.MutualisationView;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.tenant.Caller;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import fr.mutualis.kit.error.NotPermittedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

import static fr.mutualis.kit.security.AllowedRoles.AGENT;
import static fr.mutualis.kit.security.AllowedRoles.ELU;
import static fr.mutualis.kit.security.AllowedRoles.PLATFORM_ADMIN;
import static fr.mutualis.kit.security.AllowedRoles.REPORTING;
import static fr.mutualis.kit.security.AllowedRoles.SHARED_SERVICE_ADMIN;

/**
 * Mutualisations (services communs). A platform administrator creates one for any EPCI, a shared-service
 * administrator only for the EPCI it acts for. Visible to the EPCI and the members only.
 */
@RestController
@RequestMapping("/api/governance/mutualisations")
public class MutualisationController {

    private final CommandGateway commands;
    private final Creations creations;
    private final GovernanceQueries queries;

    public MutualisationController(CommandGateway commands, GovernanceQueries queries, Creations creations) {
        this.creations = creations;
        this.commands = commands;
        this.queries = queries;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({PLATFORM_ADMIN, SHARED_SERVICE_ADMIN})
    @IdempotentCreation
    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@Valid @RequestBody CreateMutualisationRequest request,
                                                      Caller caller) {
        if (!caller.hasRole("PLATFORM_ADMIN") && !request.epciSiren().equals(caller.tenantId())) {
            throw new NotPermittedException("A shared-service administrator creates mutualisations of its own EPCI");
        }
        // The creator's next request (its page in the console, an instance for it) reads the view: answer once it is there.
        return creations.create(request, id -> commands.sendAndWait(new CreateMutualisation(id, request.name().strip(),
                        request.epciSiren(), request.memberSirens(), request.allocationKey().method(),
                        request.allocationKey().shares())),
                id -> ReadYourWrites.awaitVisible(() -> queries.mutualisation(id, caller.tenantId(), true)));
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/{id}")
    public ResponseEntity<MutualisationView> get(@PathVariable UUID id, Caller caller) {
        MutualisationView mutualisation = queries.mutualisation(id, caller.tenantId(), caller.hasRole("PLATFORM_ADMIN"))
                .orElseThrow(() -> new NotFoundException("Mutualisation", id));
        return ResponseEntity.ok().eTag(String.valueOf(mutualisation.version())).body(mutualisation);
    }
}

package fr.mutualis.governance.api;

import fr.mutualis.governance.messages.DesignateElectedLead;
import fr.mutualis.governance.messages.RegisterCollectivite;
import fr.mutualis.governance.query.CollectiviteView;
import fr.mutualis.governance.query.GovernanceQueries;
import fr.mutualis.kit.api.Created;
import fr.mutualis.kit.api.IfMatch;
import fr.mutualis.kit.api.Page;
import fr.mutualis.kit.api.PageRequest;
import fr.mutualis.kit.api.ValidSiren;
import fr.mutualis.kit.creation.Creations;
import fr.mutualis.kit.creation.IdempotentCreation;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.error.StateConflictException;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.tenant.Caller;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import fr.mutualis.kit.error.NotPermittedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.sql.SQLException;
import java.util.Map;

import static fr.mutualis.kit.security.AllowedRoles.AGENT;
import static fr.mutualis.kit.security.AllowedRoles.ELU;
import static fr.mutualis.kit.security.AllowedRoles.PLATFORM_ADMIN;
import static fr.mutualis.kit.security.AllowedRoles.REPORTING;
import static fr.mutualis.kit.security.AllowedRoles.SHARED_SERVICE_ADMIN;

/**
 * The directory of collectivités. Only a platform administrator registers one; the directory is public
 * information, so any caller acting for a tenant reads all of it.
 */
@RestController
@RequestMapping("/api/governance/collectivites")
public class CollectiviteController {

    /** PostgreSQL's unique_violation: the event store already holds the first event of this SIREN. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final CommandGateway commands;
    private final Creations creations;
    private final GovernanceQueries queries;

    public CollectiviteController(CommandGateway commands, GovernanceQueries queries, Creations creations) {
        this.creations = creations;
        this.commands = commands;
        this.queries = queries;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles(PLATFORM_ADMIN)
    @IdempotentCreation
    @PostMapping
    public ResponseEntity<Map<String, Object>> register(@Valid @RequestBody RegisterCollectiviteRequest request) {
        // Keyed by its SIREN, not by the key's id: a retry of the same key is its replay, another key 409 REGISTERED.
        return creations.createAnswering(request, unused -> {
            try {
                commands.sendAndWait(new RegisterCollectivite(request.siren(), request.name().strip(), request.kind(),
                        request.population(), request.epciSiren(), request.siret()));
            } catch (RuntimeException e) {
                if (alreadyRegistered(e)) {
                    throw new StateConflictException("Collectivité " + request.siren() + " is already registered", "REGISTERED",
                            "already-registered");
                }
                throw e;
            }
            return Created.at(request.siren());
        }, (unused, created) -> { });
    }

    /** {@code caller} is unused but required: reads need an active tenant, whichever it is. */
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/{siren}")
    public ResponseEntity<CollectiviteView> get(@PathVariable @ValidSiren String siren, Caller caller) {
        CollectiviteView collectivite = queries.collectivite(siren)
                .orElseThrow(() -> new NotFoundException("Collectivité", siren));
        return ResponseEntity.ok().eTag(String.valueOf(collectivite.version())).body(collectivite);
    }

    /** A collectivité designates its own élu au numérique; a platform administrator may record it for any. */
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @PutMapping("/{siren}/elected-lead")
    public Map<String, Object> designateElectedLead(@PathVariable @ValidSiren String siren,
                                                    @Valid @RequestBody ElectedLeadRequest request,
                                                    @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                    Caller caller) {
        if (!caller.hasRole("PLATFORM_ADMIN") && !(caller.tenantId().equals(siren) && !caller.hasRole("REPORTING"))) {
            queries.collectivite(siren).orElseThrow(() -> new NotFoundException("Collectivité", siren));
            throw new NotPermittedException("Only the collectivité itself designates its élu au numérique");
        }
        long version = commands.sendAndWait(new DesignateElectedLead(siren, request.name().strip(), IfMatch.expectedVersion(ifMatch)));
        return Versions.versioned("siren", siren, version);
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping
    public Page<CollectiviteView> list(@RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size,
                                       Caller caller) {
        PageRequest paging = PageRequest.of(page, size);
        return queries.collectivites(paging.page(), paging.size());
    }

    /**
     * Axon reports a duplicate first event as {@link AggregateStreamCreationException} when its persistence
     * exception resolver recognises the database's duplicate key; otherwise the unique violation arrives as the
     * cause of an {@code EventStoreException}.
     */
    private static boolean alreadyRegistered(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AggregateStreamCreationException
                    || cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

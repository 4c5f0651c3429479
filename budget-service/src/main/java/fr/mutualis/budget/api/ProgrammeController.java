package fr.mutualis.budget.api;

import fr.mutualis.budget.application.BudgetTransactions;
import fr.mutualis.budget.messages.CpSchedule;
import fr.mutualis.budget.messages.CreateProgramme;
import fr.mutualis.budget.messages.ReviseProgramme;
import fr.mutualis.budget.messages.ScheduledCredit;
import fr.mutualis.budget.query.BudgetQueries;
import fr.mutualis.budget.query.ProgrammeView;
import fr.mutualis.kit.api.IfMatch;
import fr.mutualis.kit.creation.Creations;
import fr.mutualis.kit.creation.IdempotentCreation;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.query.ReadYourWrites;
import fr.mutualis.kit.reference.PublishedReferences;
import fr.mutualis.kit.reference.ReferenceKind;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.tenant.Caller;
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

/**
 * Programme authorisations (AP/CP). A revision answers 200 with the new revision and version (and ETag); with
 * {@code If-Match} it is refused (409) when the programme changed since it was read. Its {@code decisionId} names a
 * decision governance published, visible to the caller's tenant.
 */
@RestController
@RequestMapping("/api/budget/programmes")
public class ProgrammeController {

    private final CommandGateway commands;
    private final Creations creations;
    private final BudgetTransactions transactions;
    private final BudgetQueries queries;
    private final PublishedReferences references;

    public ProgrammeController(CommandGateway commands, BudgetTransactions transactions, BudgetQueries queries,
                               PublishedReferences references, Creations creations) {
        this.creations = creations;
        this.commands = commands;
        this.transactions = transactions;
        this.queries = queries;
        this.references = references;
    }

    /**
     * 422 when the schedule does not sum exactly to the amount; answers once the programme can be read.
     * {@code projectId} names a project visible to the caller's tenant, as a line's does.
     */
    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @IdempotentCreation
    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@Valid @RequestBody ProgrammeRequest request, Caller caller) {
        if (request.projectId() != null) {
            references.require(caller.tenantId(), "projectId", request.projectId(), ReferenceKind.PROJECT);
        }
        return creations.create(request, id -> commands.sendAndWait(new CreateProgramme(id, caller.tenant(),
                        request.label().strip(), request.chapter(), request.projectId(), request.amountCents(),
                        schedule(request.schedule()))),
                id -> ReadYourWrites.awaitVisible(() -> queries.programme(id, caller.tenant())));
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @IdempotentCreation
    @PostMapping("/{id}/revisions")
    public ResponseEntity<Map<String, Object>> revise(@PathVariable UUID id, @Valid @RequestBody RevisionRequest request,
                                                      @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                      Caller caller) {
        Long expected = IfMatch.expectedVersion(ifMatch);
        if (request.decisionId() != null) {
            references.require(caller.tenantId(), "decisionId", request.decisionId(), ReferenceKind.DECISION);
        }
        // A revision is numbered within its programme: the key's id is not used. The new version (ETag) is the one
        // the next If-Match must name: answer once the read model shows it.
        return creations.createAnswering(request, unused -> {
            BudgetTransactions.Revised revised = transactions.revise(new ReviseProgramme(id, caller.tenant(), expected,
                    request.amountCents(), schedule(request.schedule()), request.reason().strip(), request.decisionId()));
            return ResponseEntity.ok().eTag(String.valueOf(revised.version())).body(Map.<String, Object>of("id", id,
                    "revision", revised.revision(), "version", revised.version()));
        }, (unused, revised) -> ReadYourWrites.awaitVisible(() -> queries.programme(id, caller.tenant())
                .filter(programme -> programme.revision() >= ((Number) revised.getBody().get("revision")).intValue())));
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/{id}")
    public ResponseEntity<ProgrammeView> get(@PathVariable UUID id, Caller caller) {
        ProgrammeView programme = queries.programme(id, caller.tenant()).orElseThrow(() -> new NotFoundException("Programme", id));
        return ResponseEntity.ok().eTag(String.valueOf(programme.version())).body(programme);
    }

    private static CpSchedule schedule(List<ProgrammeRequest.ScheduleEntry> entries) {
        return new CpSchedule(entries.stream().map(entry -> new ScheduledCredit(entry.year(), entry.amountCents())).toList());
    }
}

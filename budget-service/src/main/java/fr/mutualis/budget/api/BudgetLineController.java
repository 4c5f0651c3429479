package fr.mutualis.budget.api;

import fr.mutualis.budget.application.BudgetTransactions;
import fr.mutualis.budget.messages.OpenBudgetLine;
import fr.mutualis.budget.messages.RecordEngagement;
import fr.mutualis.budget.messages.Section;
import fr.mutualis.budget.query.BudgetLineDetail;
import fr.mutualis.budget.query.BudgetLineView;
import fr.mutualis.budget.query.BudgetQueries;
import fr.mutualis.kit.api.Created;
import fr.mutualis.kit.api.IfMatch;
import fr.mutualis.kit.api.Page;
import fr.mutualis.kit.api.PageRequest;
import fr.mutualis.kit.creation.Creations;
import fr.mutualis.kit.creation.IdempotentCreation;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.query.ReadYourWrites;
import fr.mutualis.kit.reference.PublishedReferences;
import fr.mutualis.kit.reference.ReferenceKind;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.tenant.Caller;
import fr.mutualis.kit.tenant.Owner;
import org.axonframework.modelling.command.AggregateNotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import java.util.Map;
import java.util.UUID;

import static fr.mutualis.kit.security.AllowedRoles.AGENT;
import static fr.mutualis.kit.security.AllowedRoles.ELU;
import static fr.mutualis.kit.security.AllowedRoles.PLATFORM_ADMIN;
import static fr.mutualis.kit.security.AllowedRoles.REPORTING;
import static fr.mutualis.kit.security.AllowedRoles.SHARED_SERVICE_ADMIN;

/**
 * Budget lines. A line with {@code mutualisationId} is the mutualisation's (its owner): opened, voted and spent by
 * the administering EPCI's SHARED_SERVICE_ADMIN (anyone else 403, or 404 when the mutualisation is not theirs to
 * see), read by every member. Opening a line honours {@code Idempotency-Key} and {@code ?dryRun=true} (kit.creation).
 */
@RestController
@RequestMapping("/api/budget/lines")
public class BudgetLineController {

    private final BudgetTransactions transactions;
    private final Creations creations;
    private final BudgetQueries queries;
    private final PublishedReferences references;

    public BudgetLineController(BudgetTransactions transactions, Creations creations, BudgetQueries queries,
                                PublishedReferences references) {
        this.transactions = transactions;
        this.creations = creations;
        this.queries = queries;
        this.references = references;
    }

    /**
     * Answers once the line can be read, so that the next request (a vote, an engagement) finds it. {@code projectId}
     * names a project portfolio published, visible to the caller's tenant (404 naming the field, after waiting a
     * moment for a project just created; 422 for a roadmap's id).
     */
    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @IdempotentCreation
    @PostMapping
    public ResponseEntity<Map<String, Object>> open(@Valid @RequestBody OpenBudgetLineRequest request, Caller caller) {
        Owner owner = caller.managedOwner(request.mutualisationId());
        if (request.projectId() != null) {
            references.require(caller.tenantId(), "projectId", request.projectId(), ReferenceKind.PROJECT);
        }
        return creations.create(request, id -> {
            try {
                transactions.openLine(new OpenBudgetLine(id, owner, request.fiscalYear(), request.section(),
                        request.chapter(), request.label().strip(), request.projectId(), request.plannedCents(),
                        request.programmeId()));
            } catch (NotFoundException | AggregateNotFoundException e) {
                if (request.programmeId() == null) {
                    throw e;
                }
                // Opening a line names nothing else that could be missing: the programme is unknown or not the owner's.
                throw new NotFoundException("Programme", request.programmeId(), "programmeId", null);
            }
        }, id -> ReadYourWrites.awaitVisible(() -> queries.line(id, caller.sees())));
    }

    /** The line with its credit history by stage, arbitrated amounts and engagements. */
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/{id}")
    public ResponseEntity<BudgetLineDetail> get(@PathVariable UUID id, Caller caller) {
        BudgetLineDetail line = queries.lineDetail(id, caller.sees())
                .orElseThrow(() -> new NotFoundException("Budget line", id));
        return ResponseEntity.ok().eTag(String.valueOf(line.version())).body(line);
    }

    /** The caller's own lines, or with {@code mutualisationId} the lines of a mutualisation it sees. */
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping
    public Page<BudgetLineView> list(@RequestParam(required = false) @Min(2000) @Max(2100) Integer fiscalYear,
                                     @RequestParam(required = false) Section section,
                                     @RequestParam(required = false) UUID mutualisationId,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size,
                                     Caller caller) {
        PageRequest paging = PageRequest.of(page, size);
        return queries.lines(caller.visibleOwner(mutualisationId), fiscalYear, section == null ? null : section.name(),
                paging.page(), paging.size());
    }

    /**
     * 422 beyond the line's voted credits (the problem names the limit and the amount); nothing is recorded then.
     * Concurrent engagements on one line are applied one after the other, so each is either accepted or refused
     * with 422; with {@code If-Match} (the line's ETag), 409 when the line changed since it was read.
     */
    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @IdempotentCreation
    @PostMapping("/{id}/engagements")
    public ResponseEntity<Map<String, Object>> engage(@PathVariable UUID id, @Valid @RequestBody SpendingRequest request,
                                                      @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                      Caller caller) {
        return creations.createAnswering(request, engagementId -> {
            transactions.engage(new RecordEngagement(id, caller, engagementId, request.amountCents(),
                    request.reference().strip(), request.date(), IfMatch.expectedVersion(ifMatch)));
            return Created.at("/api/budget/engagements", engagementId);
        }, (engagementId, created) -> ReadYourWrites.awaitVisible(() -> queries.engagement(engagementId, caller.sees())));
    }
}

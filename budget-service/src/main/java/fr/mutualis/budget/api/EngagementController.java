package fr.mutualis.budget.api;

import fr.mutualis.budget.application.BudgetTransactions;
import fr.mutualis.budget.query.BudgetQueries;
import fr.mutualis.budget.query.EngagementView;
import fr.mutualis.budget.query.MandateView;
import fr.mutualis.kit.api.Created;
import fr.mutualis.kit.creation.Creations;
import fr.mutualis.kit.creation.IdempotentCreation;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.query.ReadYourWrites;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.tenant.Caller;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

/** Engagements and their mandates (mandatement after liquidation). */
@RestController
@RequestMapping("/api/budget")
public class EngagementController {

    private final BudgetTransactions transactions;
    private final Creations creations;
    private final BudgetQueries queries;

    public EngagementController(BudgetTransactions transactions, BudgetQueries queries, Creations creations) {
        this.creations = creations;
        this.transactions = transactions;
        this.queries = queries;
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/engagements/{id}")
    public EngagementView getEngagement(@PathVariable UUID id, Caller caller) {
        return queries.engagement(id, caller.sees()).orElseThrow(() -> new NotFoundException("Engagement", id));
    }

    /** 422 beyond what the engagement has left to mandate, or beyond the year's CP of the line's programme. */
    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @IdempotentCreation
    @PostMapping("/engagements/{id}/mandates")
    public ResponseEntity<Map<String, Object>> mandate(@PathVariable UUID id, @Valid @RequestBody SpendingRequest request,
                                                       Caller caller) {
        return creations.createAnswering(request, mandateId -> {
            transactions.mandate(caller, id, mandateId, request.amountCents(), request.reference().strip(), request.date());
            return Created.at("/api/budget/mandates", mandateId);
        }, (mandateId, created) -> ReadYourWrites.awaitVisible(() -> queries.mandate(mandateId, caller.sees())));
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/mandates/{id}")
    public MandateView getMandate(@PathVariable UUID id, Caller caller) {
        return queries.mandate(id, caller.sees()).orElseThrow(() -> new NotFoundException("Mandate", id));
    }
}

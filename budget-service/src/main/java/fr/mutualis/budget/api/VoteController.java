package fr.mutualis.budget.api;

import fr.mutualis.budget.application.BudgetTransactions;
import fr.mutualis.budget.messages.VoteCredits;
import fr.mutualis.budget.query.BudgetQueries;
import fr.mutualis.kit.api.CreatedWithoutAddress;
import fr.mutualis.kit.creation.Creations;
import fr.mutualis.kit.creation.IdempotentCreation;
import fr.mutualis.kit.error.InvalidInputException;
import fr.mutualis.kit.query.ReadYourWrites;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.tenant.Caller;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static fr.mutualis.kit.security.AllowedRoles.AGENT;
import static fr.mutualis.kit.security.AllowedRoles.ELU;
import static fr.mutualis.kit.security.AllowedRoles.PLATFORM_ADMIN;
import static fr.mutualis.kit.security.AllowedRoles.SHARED_SERVICE_ADMIN;

/**
 * Votes of the assembly. A vote is all or nothing: if one of its lines refuses it (unknown or another tenant's line
 * 404, stage order 409, credits below what is engaged 422), no line's credits change.
 */
@RestController
@RequestMapping("/api/budget/votes")
public class VoteController {

    private final BudgetTransactions transactions;
    private final Creations creations;
    private final BudgetQueries queries;

    public VoteController(BudgetTransactions transactions, BudgetQueries queries, Creations creations) {
        this.creations = creations;
        this.transactions = transactions;
        this.queries = queries;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @CreatedWithoutAddress
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @IdempotentCreation
    @PostMapping
    public ResponseEntity<Map<String, Object>> voteBudget(@Valid @RequestBody VoteRequest request, Caller caller) {
        Set<UUID> seen = new HashSet<>();
        for (VoteRequest.VotedLine line : request.lines()) {
            if (!seen.add(line.lineId())) {
                throw new InvalidInputException("lines", "Line " + line.lineId() + " appears twice in the vote",
                        "line-twice", Map.of("lineId", line.lineId()));
            }
        }
        // The credits a client engages against next must be readable: wait until every line shows this vote.
        return creations.createAnswering(request, voteId -> {
            List<VoteCredits> votes = request.lines().stream()
                    .map(line -> new VoteCredits(line.lineId(), caller, voteId, request.fiscalYear(), request.stage(),
                            line.creditsCents()))
                    .toList();
            transactions.vote(voteId, request.fiscalYear(), request.stage(), votes);
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.<String, Object>of("id", voteId,
                    "fiscalYear", request.fiscalYear(), "stage", request.stage().name(), "lines", request.lines()));
        }, (voteId, voted) -> ReadYourWrites.awaitVisible(() -> queries.voteApplied(voteId, request.lines().size())
                ? Optional.of(voteId) : Optional.empty()));
    }
}

package fr.mutualis.budget.api;

import fr.mutualis.budget.command.BudgetTransactions;
import fr.mutualis.budget.command.VoteCredits;
import fr.mutualis.kit.error.InvalidInputException;
import fr.mutualis.kit.tenant.TenantContext;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Votes of the assembly. A vote is all or nothing: if one of its lines refuses it (unknown or another tenant's line
 * 404, stage order 409, credits below what is engaged 422), no line's credits change.
 */
@RestController
@RequestMapping("/api/budget/votes")
public class VoteController {

    private final BudgetTransactions transactions;

    public VoteController(BudgetTransactions transactions) {
        this.transactions = transactions;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> vote(@Valid @RequestBody VoteRequest request, TenantContext tenant) {
        Set<UUID> seen = new HashSet<>();
        for (VoteRequest.VotedLine line : request.lines()) {
            if (!seen.add(line.lineId())) {
                throw new InvalidInputException("lines", "Line " + line.lineId() + " appears twice in the vote");
            }
        }
        UUID voteId = UUID.randomUUID();
        List<VoteCredits> votes = request.lines().stream()
                .map(line -> new VoteCredits(line.lineId(), tenant.tenantId(), voteId, request.fiscalYear(), request.stage(),
                        line.creditsCents()))
                .toList();
        transactions.vote(votes);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", voteId, "fiscalYear", request.fiscalYear(),
                "stage", request.stage().name(), "lines", request.lines()));
    }
}

package fr.mutualis.budget.api;

import fr.mutualis.budget.application.BudgetTransactions;
import fr.mutualis.budget.messages.BudgetYears;
import fr.mutualis.budget.messages.VoteTransferRates;
import fr.mutualis.budget.query.BudgetQueries;
import fr.mutualis.budget.query.ChapterTransfers;
import fr.mutualis.budget.query.CreditTransferView;
import fr.mutualis.kit.creation.Creations;
import fr.mutualis.kit.creation.IdempotentCreation;
import fr.mutualis.kit.error.InvalidInputException;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.query.ReadYourWrites;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.tenant.Caller;
import fr.mutualis.kit.tenant.Owner;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static fr.mutualis.kit.security.AllowedRoles.AGENT;
import static fr.mutualis.kit.security.AllowedRoles.ELU;
import static fr.mutualis.kit.security.AllowedRoles.PLATFORM_ADMIN;
import static fr.mutualis.kit.security.AllowedRoles.REPORTING;
import static fr.mutualis.kit.security.AllowedRoles.SHARED_SERVICE_ADMIN;

/**
 * Transfers of credits between chapters of one section (virements de chapitre à chapitre, DOMAIN.md §3): the
 * assembly delegates a rate of each section's real expenditure (at most 7.5 %), then credits move from line to line
 * within it, never into or out of staff costs (012). With {@code mutualisationId}, the mutualisation's budget (its
 * administering EPCI's SHARED_SERVICE_ADMIN changes it, members read it).
 */
@RestController
@RequestMapping("/api/budget")
public class TransferController {

    private final BudgetTransactions transactions;
    private final Creations creations;
    private final BudgetQueries queries;

    public TransferController(BudgetTransactions transactions, BudgetQueries queries, Creations creations) {
        this.creations = creations;
        this.transactions = transactions;
        this.queries = queries;
    }

    /** The assembly's délibération of the year's rates; a later one replaces them. Answers the year's transfers. */
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @PutMapping("/transfer-rates/{fiscalYear}")
    public ChapterTransfers voteTransferRates(@PathVariable @Min(2000) @Max(2100) int fiscalYear,
                                      @RequestParam(required = false) UUID mutualisationId,
                                      @Valid @RequestBody TransferRatesRequest request, Caller caller) {
        Owner owner = caller.managedOwner(mutualisationId);
        UUID ratesVoteId = UUID.randomUUID();
        transactions.voteTransferRates(new VoteTransferRates(BudgetYears.idOf(owner, fiscalYear), owner, fiscalYear,
                ratesVoteId, basisPoints(request.investmentPercent()), basisPoints(request.operatingPercent()),
                request.deliberation().strip()));
        ReadYourWrites.awaitVisible(() -> queries.transferRatesApplied(ratesVoteId)
                ? Optional.of(ratesVoteId) : Optional.empty());
        return queries.transfers(owner, fiscalYear);
    }

    /**
     * 422 when the lines are in different sections or budgets, when staff costs are involved, beyond the delegated
     * rate or beyond the source's unengaged credits (the problem names the limit and the amount); 409 when a line is
     * not voted yet or closed by its CA. Nothing moves then.
     */
    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @IdempotentCreation
    @PostMapping("/transfers")
    public ResponseEntity<Map<String, Object>> createTransfer(@Valid @RequestBody TransferRequest request, Caller caller) {
        if (request.fromLineId().equals(request.toLineId())) {
            throw new InvalidInputException("toLineId", "A transfer moves credits between two different lines; both are "
                    + request.fromLineId(), "same-line");
        }
        return creations.create(request, transferId -> transactions.transfer(caller, transferId,
                        request.fromLineId(), request.toLineId(), request.amountCents(), request.reason().strip(),
                        request.date()),
                // The lines' credits a client reads next must show the transfer.
                transferId -> ReadYourWrites.awaitVisible(() -> queries.transferApplied(transferId)
                        ? Optional.of(transferId) : Optional.empty()));
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/transfers/{id}")
    public CreditTransferView get(@PathVariable UUID id, Caller caller) {
        return queries.transfer(id, caller.sees()).orElseThrow(() -> new NotFoundException("Transfer", id));
    }

    /** Per section: the delegated rate, its base, the ceiling, what was transferred and what remains; then every transfer. */
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/transfers")
    public ChapterTransfers list(@RequestParam @Min(2000) @Max(2100) int fiscalYear,
                                 @RequestParam(required = false) UUID mutualisationId, Caller caller) {
        return queries.transfers(caller.visibleOwner(mutualisationId), fiscalYear);
    }

    /** Exact: the request allows two decimals of a percentage, i.e. whole basis points. */
    private static int basisPoints(BigDecimal percent) {
        return percent.movePointRight(2).intValueExact();
    }
}

package fr.mutualis.budget.api;

import fr.mutualis.budget.command.BudgetTransactions;
import fr.mutualis.budget.command.OpenBudgetLine;
import fr.mutualis.budget.command.RecordEngagement;
import fr.mutualis.budget.command.Section;
import fr.mutualis.budget.query.BudgetLineDetail;
import fr.mutualis.budget.query.BudgetLineView;
import fr.mutualis.budget.query.BudgetQueries;
import fr.mutualis.kit.api.Created;
import fr.mutualis.kit.api.Page;
import fr.mutualis.kit.api.PageRequest;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.tenant.TenantContext;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/budget/lines")
public class BudgetLineController {

    private final BudgetTransactions transactions;
    private final BudgetQueries queries;

    public BudgetLineController(BudgetTransactions transactions, BudgetQueries queries) {
        this.transactions = transactions;
        this.queries = queries;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> open(@Valid @RequestBody OpenBudgetLineRequest request, TenantContext tenant) {
        UUID id = UUID.randomUUID();
        transactions.openLine(new OpenBudgetLine(id, tenant.tenantId(), request.fiscalYear(), request.section(),
                request.chapter(), request.label().strip(), request.projectId(), request.plannedCents(),
                request.programmeId()));
        return Created.at(id);
    }

    /** The line with its credit history by stage, arbitrated amounts and engagements. */
    @GetMapping("/{id}")
    public ResponseEntity<BudgetLineDetail> get(@PathVariable UUID id, TenantContext tenant) {
        BudgetLineDetail line = queries.lineDetail(id, tenant.tenantId()).orElseThrow(() -> new NotFoundException("Budget line", id));
        return ResponseEntity.ok().eTag(String.valueOf(line.version())).body(line);
    }

    @GetMapping
    public Page<BudgetLineView> list(@RequestParam(required = false) Integer fiscalYear,
                                     @RequestParam(required = false) Section section,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size,
                                     TenantContext tenant) {
        PageRequest paging = PageRequest.of(page, size);
        return queries.lines(tenant.tenantId(), fiscalYear, section == null ? null : section.name(),
                paging.page(), paging.size());
    }

    /**
     * 422 beyond the line's voted credits (the problem names the limit and the amount); nothing is recorded then.
     * With {@code If-Match} (the line's ETag), 409 when the line changed since it was read.
     */
    @PostMapping("/{id}/engagements")
    public ResponseEntity<Map<String, Object>> engage(@PathVariable UUID id, @Valid @RequestBody SpendingRequest request,
                                                      @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                      TenantContext tenant) {
        UUID engagementId = UUID.randomUUID();
        transactions.engage(new RecordEngagement(id, tenant.tenantId(), engagementId, request.amountCents(),
                request.reference().strip(), request.date(), IfMatch.version(ifMatch)));
        return Created.at("/api/budget/engagements", engagementId);
    }
}

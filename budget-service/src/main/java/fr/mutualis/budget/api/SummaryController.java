package fr.mutualis.budget.api;

import fr.mutualis.budget.query.BudgetQueries;
import fr.mutualis.budget.query.BudgetSummary;
import fr.mutualis.kit.tenant.TenantContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Planned, voted, engaged and mandated per section of the caller's fiscal year. */
@RestController
@RequestMapping("/api/budget/summary")
public class SummaryController {

    private final BudgetQueries queries;

    public SummaryController(BudgetQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    public BudgetSummary summary(@RequestParam @Min(2000) @Max(2100) int fiscalYear, TenantContext tenant) {
        return queries.summary(tenant.tenantId(), fiscalYear);
    }
}

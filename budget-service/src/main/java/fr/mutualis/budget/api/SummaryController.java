package fr.mutualis.budget.api;

import fr.mutualis.budget.query.BudgetQueries;
import fr.mutualis.budget.query.BudgetSummary;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.tenant.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

import static fr.mutualis.kit.security.AllowedRoles.AGENT;
import static fr.mutualis.kit.security.AllowedRoles.ELU;
import static fr.mutualis.kit.security.AllowedRoles.PLATFORM_ADMIN;
import static fr.mutualis.kit.security.AllowedRoles.REPORTING;
import static fr.mutualis.kit.security.AllowedRoles.SHARED_SERVICE_ADMIN;

/**
 * Planned, voted, engaged and mandated per section of the caller's fiscal year; with {@code mutualisationId}, of the
 * lines of a mutualisation the caller sees.
 */
@RestController
@RequestMapping("/api/budget/summary")
public class SummaryController {

    private final BudgetQueries queries;

    public SummaryController(BudgetQueries queries) {
        this.queries = queries;
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping
    public BudgetSummary getBudgetSummary(@RequestParam @Min(2000) @Max(2100) int fiscalYear,
                                 @RequestParam(required = false) UUID mutualisationId, Caller caller) {
        return queries.summary(caller.visibleOwner(mutualisationId), fiscalYear);
    }
}

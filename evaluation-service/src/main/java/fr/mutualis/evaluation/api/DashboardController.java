package fr.mutualis.evaluation.api;

import fr.mutualis.evaluation.query.Dashboard;
import fr.mutualis.evaluation.query.EvaluationQueries;
import fr.mutualis.kit.tenant.TenantContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/evaluation/dashboard")
public class DashboardController {

    private final EvaluationQueries queries;

    public DashboardController(EvaluationQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    public Dashboard dashboard(TenantContext tenant) {
        return queries.dashboard(tenant.tenantId());
    }
}

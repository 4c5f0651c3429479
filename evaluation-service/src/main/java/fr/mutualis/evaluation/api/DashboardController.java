package fr.mutualis.evaluation.api;

import fr.mutualis.evaluation.query.Dashboard;
import fr.mutualis.evaluation.query.DashboardQueries;
import fr.mutualis.kit.error.InvalidInputException;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.mutualisation.Mutualisation;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.mutualisation.MutualisationDirectory;
import fr.mutualis.kit.tenant.Caller;
import fr.mutualis.kit.tenant.Owner;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import static fr.mutualis.kit.security.AllowedRoles.AGENT;
import static fr.mutualis.kit.security.AllowedRoles.ELU;
import static fr.mutualis.kit.security.AllowedRoles.PLATFORM_ADMIN;
import static fr.mutualis.kit.security.AllowedRoles.REPORTING;
import static fr.mutualis.kit.security.AllowedRoles.SHARED_SERVICE_ADMIN;

/** The caller's tenant's dashboard, or a mutualisation's for its administrators ({@code ?mutualisationId=}). */
@RestController
@RequestMapping("/api/evaluation/dashboard")
public class DashboardController {

    private final DashboardQueries dashboards;
    private final MutualisationDirectory directory;
    private final Clock clock;

    public DashboardController(DashboardQueries dashboards, MutualisationDirectory directory, Clock clock) {
        this.dashboards = dashboards;
        this.directory = directory;
        this.clock = clock;
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping
    public Dashboard getDashboard(@RequestParam(required = false) @Min(2000) @Max(2100) Integer fiscalYear,
                               @RequestParam(required = false) UUID mutualisationId, Caller caller) {
        LocalDate today = LocalDate.now(clock);
        int year = fiscalYear == null ? today.getYear() : fiscalYear;
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("fiscalYear", "fiscalYear must be between 2000 and 2100", "fiscal-year-range");
        }
        if (mutualisationId == null) {
            return dashboards.tenant(caller.tenantId(), year, today);
        }
        caller.requireManages(Owner.mutualisation(mutualisationId), "Mutualisation", mutualisationId);
        Mutualisation mutualisation = directory.find(mutualisationId)
                .orElseThrow(() -> new NotFoundException("Mutualisation", mutualisationId));
        return dashboards.mutualisation(mutualisation, year, today);
    }
}

package fr.mutualis.evaluation.api;

import fr.mutualis.evaluation.query.BarometerQueries;
import fr.mutualis.evaluation.query.BarometerView;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.mutualisation.Mutualisation;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.tenant.TenantContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static fr.mutualis.kit.security.AllowedRoles.AGENT;
import static fr.mutualis.kit.security.AllowedRoles.ELU;
import static fr.mutualis.kit.security.AllowedRoles.PLATFORM_ADMIN;
import static fr.mutualis.kit.security.AllowedRoles.REPORTING;
import static fr.mutualis.kit.security.AllowedRoles.SHARED_SERVICE_ADMIN;

/** The territorial digital innovation barometer (DOMAIN.md §6). */
@RestController
@RequestMapping("/api/evaluation/barometer")
public class BarometerController {

    private final BarometerQueries barometers;
    private final Access access;
    private final Clock clock;

    public BarometerController(BarometerQueries barometers, Access access, Clock clock) {
        this.barometers = barometers;
        this.access = access;
        this.clock = clock;
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping
    public BarometerView getBarometer(TenantContext tenant) {
        return barometers.barometer(tenant.tenantId(), LocalDate.now(clock));
    }

    /** Each member's barometer, for the mutualisation's administrators; members see only their own (GET above). */
    @AllowedRoles(SHARED_SERVICE_ADMIN)
    @GetMapping("/mutualisations/{id}")
    public MutualisationBarometer getMutualisationBarometer(@PathVariable UUID id, TenantContext tenant) {
        Mutualisation mutualisation = access.visibleMutualisation(id.toString(), tenant)
                .orElseThrow(() -> new NotFoundException("Mutualisation", id));
        if (!access.administers(mutualisation, tenant)) {
            throw new AccessDeniedException("Only the mutualisation's administrators see every member's barometer");
        }
        // The members' standings, classified in the background: the rows behind them stay each member's own.
        return new MutualisationBarometer(id, mutualisation.name(),
                mutualisation.memberSirens().stream().sorted().map(barometers::standing).toList());
    }

    public record MutualisationBarometer(UUID mutualisationId, String name, List<BarometerView> members) {
    }
}

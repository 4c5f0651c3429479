package fr.mutualis.evaluation.api;

import fr.mutualis.evaluation.query.BarometerQueries;
import fr.mutualis.evaluation.query.BarometerView;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.mutualisation.Mutualisation;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.mutualisation.MutualisationDirectory;
import fr.mutualis.kit.tenant.Caller;
import fr.mutualis.kit.tenant.Owner;
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
    private final MutualisationDirectory directory;
    private final Clock clock;

    public BarometerController(BarometerQueries barometers, MutualisationDirectory directory, Clock clock) {
        this.barometers = barometers;
        this.directory = directory;
        this.clock = clock;
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping
    public BarometerView getBarometer(Caller caller) {
        return barometers.barometer(caller.tenantId(), LocalDate.now(clock));
    }

    /** Each member's barometer, for the mutualisation's administrators; members see only their own (GET above). */
    @AllowedRoles(SHARED_SERVICE_ADMIN)
    @GetMapping("/mutualisations/{id}")
    public MutualisationBarometer getMutualisationBarometer(@PathVariable UUID id, Caller caller) {
        caller.requireManages(Owner.mutualisation(id), "Mutualisation", id);
        Mutualisation mutualisation = directory.find(id).orElseThrow(() -> new NotFoundException("Mutualisation", id));
        // The members' standings, classified in the background: the rows behind them stay each member's own.
        return new MutualisationBarometer(id, mutualisation.name(),
                mutualisation.memberSirens().stream().sorted().map(barometers::standing).toList());
    }

    public record MutualisationBarometer(UUID mutualisationId, String name, List<BarometerView> members) {
    }
}

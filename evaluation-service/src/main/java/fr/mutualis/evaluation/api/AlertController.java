package fr.mutualis.evaluation.api;

import fr.mutualis.evaluation.messages.AlertKind;
import fr.mutualis.evaluation.query.AlertPending;
import fr.mutualis.evaluation.query.AlertQueries;
import fr.mutualis.evaluation.query.AlertSettingsStore;
import fr.mutualis.evaluation.query.AlertThresholds;
import fr.mutualis.evaluation.query.AlertView;
import fr.mutualis.kit.api.Page;
import fr.mutualis.kit.api.PageRequest;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.tenant.Caller;
import jakarta.validation.Valid;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static fr.mutualis.kit.security.AllowedRoles.AGENT;
import static fr.mutualis.kit.security.AllowedRoles.ELU;
import static fr.mutualis.kit.security.AllowedRoles.PLATFORM_ADMIN;
import static fr.mutualis.kit.security.AllowedRoles.REPORTING;
import static fr.mutualis.kit.security.AllowedRoles.SHARED_SERVICE_ADMIN;

/** The alerts of DOMAIN §9 and the caller's tenant's thresholds. */
@RestController
@RequestMapping("/api/evaluation")
public class AlertController {

    private final AlertQueries queries;
    private final AlertSettingsStore settings;
    private final AlertPending pending;

    public AlertController(AlertQueries queries, AlertSettingsStore settings, AlertPending pending) {
        this.queries = queries;
        this.settings = settings;
        this.pending = pending;
    }

    /** The alerts of the caller's tenant and of its mutualisations, open first, then the most recent. */
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/alerts")
    public Page<AlertView> alerts(@RequestParam(required = false) AlertKind kind,
                                  @RequestParam(required = false) String subjectId,
                                  @RequestParam(required = false) Boolean open,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size, Caller caller) {
        return queries.alerts(caller.sees(), kind == null ? null : kind.name(),
                subjectId == null || subjectId.isBlank() ? null : subjectId.strip(), open, PageRequest.of(page, size));
    }

    /** The caller's tenant's thresholds, DOMAIN's defaults while it set none. */
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/alert-settings")
    public AlertThresholds getSettings(Caller caller) {
        return settings.thresholds(caller.tenantId());
    }

    /** New thresholds apply to the tenant's alerts at once: its owner is marked for the engine in the same transaction. */
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @PutMapping("/alert-settings")
    @Transactional
    public AlertThresholds putSettings(@Valid @RequestBody AlertSettingsRequest request, Caller caller) {
        caller.requireWriter();
        AlertThresholds thresholds = new AlertThresholds(request.creditsPercent(), request.mandatedPercent());
        settings.save(caller.tenantId(), thresholds);
        pending.mark(caller.tenantId());
        return thresholds;
    }
}

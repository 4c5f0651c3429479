package fr.mutualis.budget.api;

import fr.mutualis.budget.command.Caller;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.mutualisation.MutualisationDirectory;
import fr.mutualis.kit.tenant.TenantContext;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** Derives what the request's tenant sees and manages from governance's mutualisations (ARCHITECTURE.md §2). */
@Component
class Callers {

    static final String SHARED_SERVICE_ADMIN = "SHARED_SERVICE_ADMIN";

    private final MutualisationDirectory mutualisations;

    Callers(MutualisationDirectory mutualisations) {
        this.mutualisations = mutualisations;
    }

    Caller of(TenantContext tenant) {
        String siren = tenant.tenantId();
        Set<String> sees = new LinkedHashSet<>(Set.of(siren));
        mutualisations.visibleTo(siren).stream().map(UUID::toString).forEach(sees::add);
        Set<String> manages = new LinkedHashSet<>(Set.of(siren));
        if (tenant.hasRole(SHARED_SERVICE_ADMIN)) {
            mutualisations.administeredBy(siren).stream().map(UUID::toString).forEach(manages::add);
        }
        return new Caller(siren, sees, manages);
    }

    /** The owner whose data a summary or a list covers: the caller's tenant, or a mutualisation it sees (else 404). */
    String owner(UUID mutualisationId, TenantContext tenant) {
        if (mutualisationId == null) {
            return tenant.tenantId();
        }
        String owner = mutualisationId.toString();
        if (!of(tenant).sees().contains(owner)) {
            throw new NotFoundException("Mutualisation", mutualisationId);
        }
        return owner;
    }
}

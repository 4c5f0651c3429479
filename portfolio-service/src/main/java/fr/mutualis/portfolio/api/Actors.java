package fr.mutualis.portfolio.api;

import fr.mutualis.kit.mutualisation.MutualisationDirectory;
import fr.mutualis.kit.tenant.TenantContext;
import fr.mutualis.portfolio.command.Actor;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Resolves what the caller may see and manage: its tenant's own data (managed, unless the caller only has the
 * read-only REPORTING role), the data of the mutualisations its tenant belongs to (seen), and, for a
 * SHARED_SERVICE_ADMIN acting for the administering EPCI, the data of the mutualisations that EPCI administers
 * (managed).
 */
@Component
class Actors {

    static final String SHARED_SERVICE_ADMIN = "SHARED_SERVICE_ADMIN";
    /** Reporting jobs read and export; they change nothing. */
    static final String REPORTING = "REPORTING";

    private final MutualisationDirectory directory;

    Actors(MutualisationDirectory directory) {
        this.directory = directory;
    }

    Actor of(TenantContext context) {
        String tenant = context.tenantId();
        Set<String> sees = new HashSet<>();
        sees.add(tenant);
        directory.visibleTo(tenant).stream().map(UUID::toString).forEach(sees::add);
        Set<String> manages = new HashSet<>();
        if (context.roles().stream().anyMatch(role -> !role.equals(REPORTING))) {
            manages.add(tenant);
        }
        Map<String, Set<String>> parties = new HashMap<>();
        if (context.hasRole(SHARED_SERVICE_ADMIN)) {
            for (UUID administered : directory.administeredBy(tenant)) {
                manages.add(administered.toString());
                directory.find(administered).ifPresent(mutualisation -> {
                    Set<String> party = new HashSet<>(mutualisation.memberSirens());
                    party.add(mutualisation.epciSiren());
                    parties.put(administered.toString(), party);
                });
            }
        }
        return new Actor(tenant, manages, sees, parties);
    }
}

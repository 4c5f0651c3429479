package fr.mutualis.kit.tenant;

import fr.mutualis.kit.mutualisation.Mutualisation;
import fr.mutualis.kit.mutualisation.MutualisationDirectory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Resolves the request's {@link Caller} from its {@link TenantContext} and the mutualisations governance published
 * (the kit's {@link MutualisationDirectory}). Controllers declare a {@code Caller} parameter; the kit's argument
 * resolver asks this once per request.
 */
public class Callers {

    private final MutualisationDirectory directory;

    public Callers(MutualisationDirectory directory) {
        this.directory = directory;
    }

    public Caller of(TenantContext context) {
        Owner tenant = Owner.tenant(context.tenantId());
        Set<String> roles = Set.copyOf(context.roles());
        Set<Owner> sees = new HashSet<>();
        sees.add(tenant);
        directory.visibleTo(context.tenantId()).forEach(id -> sees.add(Owner.mutualisation(id)));
        Set<Owner> manages = new HashSet<>();
        if (roles.stream().anyMatch(role -> !role.equals(Caller.REPORTING))) {
            manages.add(tenant);
        }
        Map<Owner, Set<String>> parties = new HashMap<>();
        if (roles.contains(Caller.SHARED_SERVICE_ADMIN)) {
            for (UUID administered : directory.administeredBy(context.tenantId())) {
                Owner mutualisation = Owner.mutualisation(administered);
                manages.add(mutualisation);
                sees.add(mutualisation);
                directory.find(administered).map(Callers::partiesOf)
                        .ifPresent(party -> parties.put(mutualisation, party));
            }
        }
        return new Caller(tenant, roles, sees, manages, parties);
    }

    private static Set<String> partiesOf(Mutualisation mutualisation) {
        Set<String> party = new HashSet<>(mutualisation.memberSirens());
        party.add(mutualisation.epciSiren());
        return Set.copyOf(party);
    }
}

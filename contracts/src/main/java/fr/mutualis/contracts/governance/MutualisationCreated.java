package fr.mutualis.contracts.governance;

import fr.mutualis.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A mutualisation (service commun) was created: who administers it (the EPCI), who belongs to it (visibility of
 * shared data) and how its costs are split ({@code allocationMethod} POPULATION, USAGE or FIXED_SHARES, with
 * {@code shares} in percent by SIREN for FIXED_SHARES, empty otherwise).
 */
@IntegrationEvent(type = "governance.MutualisationCreated")
public record MutualisationCreated(UUID mutualisationId, String name, String epciSiren, List<String> memberSirens,
                                   String allocationMethod, Map<String, BigDecimal> shares) {
}

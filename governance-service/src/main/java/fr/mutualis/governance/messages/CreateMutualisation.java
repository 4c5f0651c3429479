package fr.mutualis.governance.messages;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Set up a service commun administered by {@code epciSiren}; {@code shares} in percent, for FIXED_SHARES only. */
public record CreateMutualisation(UUID mutualisationId, String name, String epciSiren, List<String> memberSirens,
                                  AllocationMethod allocationMethod, Map<String, BigDecimal> shares) {
}

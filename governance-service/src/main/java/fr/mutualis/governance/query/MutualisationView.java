package fr.mutualis.governance.query;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public record MutualisationView(UUID id, String name, String epciSiren, List<String> memberSirens,
                                AllocationKey allocationKey, long version) {

    /** @param shares percent by SIREN, for FIXED_SHARES only */
    public record AllocationKey(String method, Map<String, BigDecimal> shares) {
    }
}

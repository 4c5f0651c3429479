package fr.mutualis.governance.messages;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public record MutualisationCreated(UUID mutualisationId, String name, String epciSiren, List<String> memberSirens,
                                   AllocationMethod allocationMethod, Map<String, BigDecimal> shares) {
}

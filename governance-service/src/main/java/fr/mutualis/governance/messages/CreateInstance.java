package fr.mutualis.governance.messages;

import fr.mutualis.kit.tenant.Caller;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Set up a governance instance for the acting tenant or, with {@code mutualisationId}, for a mutualisation that
 * the acting tenant administers. {@code quorum} is the fraction of voting members that must be exceeded.
 */
public record CreateInstance(UUID instanceId, Caller caller, UUID mutualisationId, String name,
                             InstanceKind kind, Cadence cadence, BigDecimal quorum, List<InstanceMember> members) {
}

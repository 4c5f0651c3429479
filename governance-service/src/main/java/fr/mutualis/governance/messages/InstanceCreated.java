package fr.mutualis.governance.messages;

import fr.mutualis.kit.tenant.Owner;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * @param ownerId            the tenant SIREN, or the mutualisation id for a shared instance
 * @param administeringSiren who manages the instance: the tenant itself, or the mutualisation's EPCI
 * @param quorum             the fraction of voting members to exceed; null for the assembly (legal rule)
 */
public record InstanceCreated(UUID instanceId, Owner ownerId, UUID mutualisationId, String administeringSiren,
                              String name, InstanceKind kind, Cadence cadence, BigDecimal quorum,
                              List<InstanceMember> members) {
}

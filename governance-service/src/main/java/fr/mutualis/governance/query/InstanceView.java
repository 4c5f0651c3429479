package fr.mutualis.governance.query;

import fr.mutualis.governance.messages.InstanceMember;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * @param ownerId            the tenant SIREN, or the mutualisation id of a shared instance
 * @param administeringSiren who manages the instance (the tenant, or the mutualisation's EPCI)
 * @param quorum             fraction of voting members to exceed; null for the assembly, whose quorum is legal
 */
public record InstanceView(UUID id, String ownerId, UUID mutualisationId, String administeringSiren, String name,
                           String kind, String cadence, BigDecimal quorum, List<InstanceMember> members,
                           LocalDate createdOn, long version) {
}

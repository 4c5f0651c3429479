package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;

import java.util.UUID;

/** Authorise a multi-year programme (AP, or AE for operating chapters) with its CP schedule. */
public record CreateProgramme(UUID programmeId, Owner ownerId, String label, String chapter, UUID projectId,
                              long amountCents, CpSchedule schedule) {
}

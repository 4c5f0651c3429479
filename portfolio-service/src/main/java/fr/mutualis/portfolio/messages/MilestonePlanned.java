package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Owner;

import java.time.LocalDate;
import java.util.UUID;

public record MilestonePlanned(UUID projectId, UUID milestoneId, Owner ownerId, String title, LocalDate plannedDate) {
}

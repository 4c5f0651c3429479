package fr.mutualis.portfolio.command;

import java.time.LocalDate;
import java.util.UUID;

public record MilestonePlanned(UUID projectId, UUID milestoneId, String ownerId, String title, LocalDate plannedDate) {
}

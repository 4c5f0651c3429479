package fr.mutualis.portfolio.command;

import java.time.LocalDate;
import java.util.UUID;

public record MilestoneReached(UUID projectId, UUID milestoneId, String ownerId, LocalDate plannedDate,
                               LocalDate actualDate) {
}

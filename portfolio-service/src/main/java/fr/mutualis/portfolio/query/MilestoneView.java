package fr.mutualis.portfolio.query;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A milestone; {@code slippageDays} = actual − planned once reached (negative when early), else today − planned
 * once overdue, and 0 while it is not due.
 */
public record MilestoneView(UUID id, String title, LocalDate plannedDate, LocalDate actualDate, int slippageDays) {
}

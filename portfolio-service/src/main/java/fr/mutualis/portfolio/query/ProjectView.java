package fr.mutualis.portfolio.query;

import java.time.LocalDate;
import java.util.UUID;

public record ProjectView(UUID id, UUID roadmapId, String ownerId, String title, String description, String axis,
                          String theme, String sponsor, String manager, LocalDate plannedStart, LocalDate plannedEnd,
                          long estimatedInvestmentCents, long estimatedOperatingCents, String status, long version) {
}

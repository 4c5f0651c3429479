package fr.mutualis.portfolio.api;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

public record ReachMilestoneRequest(@NotNull LocalDate actualDate) {
}

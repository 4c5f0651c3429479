package fr.mutualis.portfolio.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

public record PlanMilestoneRequest(@NotBlank @Size(max = 300) String title, @NotNull LocalDate plannedDate) {
}

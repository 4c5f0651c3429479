package fr.mutualis.governance.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** @param present the personIds of the members present */
public record AttendanceRequest(@NotNull @Size(max = 500) List<@NotBlank String> present) {
}

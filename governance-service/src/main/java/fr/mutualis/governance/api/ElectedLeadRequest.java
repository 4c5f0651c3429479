package fr.mutualis.governance.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record ElectedLeadRequest(@NotBlank @Size(max = 300) String name) {
}

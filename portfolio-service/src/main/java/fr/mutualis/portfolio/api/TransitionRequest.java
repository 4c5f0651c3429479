package fr.mutualis.portfolio.api;

import jakarta.validation.constraints.Size;

/** Why the project moves (optional), kept in its history and published with the status change. */
public record TransitionRequest(@Size(max = 2_000) String reason) {
}

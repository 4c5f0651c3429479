package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Owner;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

public record ProjectProposed(UUID projectId, UUID roadmapId, Owner ownerId, String title, String description,
                              Axis axis, Theme theme, String sponsor, String manager, LocalDate plannedStart,
                              LocalDate plannedEnd, long estimatedInvestmentCents, long estimatedOperatingCents,
                              Set<String> participantSirens) {

    public ProjectProposed {
        // Events recorded before participants existed have none.
        participantSirens = participantSirens == null ? Set.of() : Set.copyOf(participantSirens);
    }
}

package fr.mutualis.contracts.portfolio;

import fr.mutualis.contracts.IntegrationEvent;

import java.util.List;
import java.util.UUID;

/**
 * A what-if scenario of a roadmap was defined: the projects picked among its PROPOSED or ASSESSED ones (those already
 * approved or under way always count too, and are not listed) and the yearly envelopes entered per section (a year
 * and section without one is compared with the budget's open credits).
 */
@IntegrationEvent(type = "portfolio.ScenarioDefined")
public record ScenarioDefined(UUID scenarioId, UUID roadmapId, String ownerId, String name, List<UUID> projectIds,
                              List<Envelope> envelopes) {

    /** An entered envelope: at most {@code amountCents} for {@code section} (INVESTMENT or OPERATING) in {@code year}. */
    public record Envelope(int year, String section, long amountCents) {
    }
}

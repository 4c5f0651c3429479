package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Owner;

import java.time.LocalDate;
import java.util.UUID;

public record ScenarioChosen(UUID scenarioId, UUID roadmapId, Owner ownerId, UUID decisionId, LocalDate chosenOn) {
}

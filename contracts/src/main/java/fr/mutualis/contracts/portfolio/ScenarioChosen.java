package fr.mutualis.contracts.portfolio;

import fr.mutualis.contracts.IntegrationEvent;

import java.time.LocalDate;
import java.util.UUID;

/** A scenario was chosen by an approved PRIORITISATION decision of governance naming it. */
@IntegrationEvent(type = "portfolio.ScenarioChosen")
public record ScenarioChosen(UUID scenarioId, UUID roadmapId, String ownerId, UUID decisionId, LocalDate chosenOn) {
}

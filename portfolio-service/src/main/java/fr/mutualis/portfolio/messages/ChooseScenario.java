package fr.mutualis.portfolio.messages;

import fr.mutualis.kit.tenant.Owner;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Apply an approved PRIORITISATION decision of governance naming the scenario, taken by an instance of {@code decidingOwner}. */
public record ChooseScenario(@TargetAggregateIdentifier UUID scenarioId, UUID decisionId, Owner decidingOwner,
                             LocalDate chosenOn) {
}

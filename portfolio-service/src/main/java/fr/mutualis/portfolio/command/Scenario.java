package fr.mutualis.portfolio.command;

import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.portfolio.messages.ChooseScenario;
import fr.mutualis.portfolio.messages.DecisionEffect;
import fr.mutualis.portfolio.messages.ScenarioChosen;
import fr.mutualis.portfolio.messages.ScenarioDefined;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A what-if scenario of a roadmap (DOMAIN §10): a named selection of its projects and the envelopes entered per year
 * and section. Its figures are not kept here: they are computed when read, from the current costs, scores and credits.
 * A governance PRIORITISATION decision naming it records it as chosen.
 */
@Aggregate
class Scenario {

    @AggregateIdentifier
    private UUID scenarioId;
    private UUID roadmapId;
    private Owner ownerId;
    private UUID chosenBy;

    protected Scenario() {
    }

    /** Created by its {@link Roadmap}, which has checked who may define one and the envelopes' years. */
    Scenario(ScenarioDefined defined) {
        apply(defined);
    }

    /** Only an approved PRIORITISATION decision of the scenario's own governance chooses it. */
    @CommandHandler
    public DecisionEffect handle(ChooseScenario command) {
        if (!ownerId.equals(command.decidingOwner())) {
            return DecisionEffect.OTHER_OWNER;
        }
        if (command.decisionId().equals(chosenBy)) {
            return DecisionEffect.ALREADY_APPLIED;
        }
        apply(new ScenarioChosen(scenarioId, roadmapId, ownerId, command.decisionId(), command.chosenOn()));
        return DecisionEffect.APPLIED;
    }

    @EventSourcingHandler
    void on(ScenarioDefined event) {
        scenarioId = event.scenarioId();
        roadmapId = event.roadmapId();
        ownerId = event.ownerId();
    }

    @EventSourcingHandler
    void on(ScenarioChosen event) {
        chosenBy = event.decisionId();
    }
}

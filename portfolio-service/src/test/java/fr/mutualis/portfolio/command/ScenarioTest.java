package fr.mutualis.portfolio.command;

import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.error.NotPermittedException;
import fr.mutualis.kit.error.StateConflictException;
import fr.mutualis.kit.tenant.Caller;
import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.portfolio.messages.Axis;
import fr.mutualis.portfolio.messages.BudgetSection;
import fr.mutualis.portfolio.messages.ChooseScenario;
import fr.mutualis.portfolio.messages.DecisionEffect;
import fr.mutualis.portfolio.messages.DefineScenario;
import fr.mutualis.portfolio.messages.RoadmapAdopted;
import fr.mutualis.portfolio.messages.RoadmapClosed;
import fr.mutualis.portfolio.messages.RoadmapDrafted;
import fr.mutualis.portfolio.messages.ScenarioChosen;
import fr.mutualis.portfolio.messages.ScenarioDefined;
import fr.mutualis.portfolio.messages.ScenarioEnvelope;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static fr.mutualis.portfolio.command.RoadmapTest.SAINT_AUBIN;
import static fr.mutualis.portfolio.command.RoadmapTest.SHARED;
import static fr.mutualis.portfolio.command.RoadmapTest.STAUBIN_AGENT;
import static fr.mutualis.portfolio.command.RoadmapTest.VALMONT;
import static fr.mutualis.portfolio.command.RoadmapTest.VALMONT_AGENT;
import static fr.mutualis.portfolio.command.RoadmapTest.VALMONT_MEMBER;
import static org.hamcrest.Matchers.containsString;

/** A what-if scenario: defined on its roadmap (who, which years), chosen only by its own governance's decision. */
class ScenarioTest {

    private final UUID roadmapId = UUID.randomUUID();
    private final UUID scenarioId = UUID.randomUUID();
    private final UUID projectId = UUID.randomUUID();
    private final UUID decisionId = UUID.randomUUID();
    private final LocalDate decidedOn = LocalDate.of(2026, 4, 2);
    private AggregateTestFixture<Roadmap> roadmaps;
    private AggregateTestFixture<Scenario> scenarios;

    @BeforeEach
    void setUp() {
        roadmaps = new AggregateTestFixture<>(Roadmap.class);
        scenarios = new AggregateTestFixture<>(Scenario.class);
    }

    @Test
    void theRoadmapsOwnerDefinesAScenarioWithEnvelopesOfItsYears() {
        List<ScenarioEnvelope> envelopes = List.of(new ScenarioEnvelope(2026, BudgetSection.INVESTMENT, 15_000_000),
                new ScenarioEnvelope(2028, BudgetSection.OPERATING, 0));
        roadmaps.given(drafted(VALMONT))
                .when(define(VALMONT_AGENT, envelopes))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ScenarioDefined(scenarioId, roadmapId, VALMONT, "Services en ligne d'abord",
                        List.of(projectId), envelopes));
    }

    @Test
    void anEnvelopeOutsideTheRoadmapsYearsIsRefusedNamingItsField() {
        roadmaps.given(drafted(VALMONT))
                .when(define(VALMONT_AGENT, List.of(new ScenarioEnvelope(2026, BudgetSection.INVESTMENT, 1),
                        new ScenarioEnvelope(2029, BudgetSection.INVESTMENT, 1))))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage(containsString("2026–2028"))
                .expectNoEvents();
        roadmaps.given(drafted(VALMONT))
                .when(define(VALMONT_AGENT, List.of(new ScenarioEnvelope(2025, BudgetSection.OPERATING, 1))))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void oneEnvelopePerYearAndSection() {
        roadmaps.given(drafted(VALMONT))
                .when(define(VALMONT_AGENT, List.of(new ScenarioEnvelope(2027, BudgetSection.INVESTMENT, 1),
                        new ScenarioEnvelope(2027, BudgetSection.OPERATING, 1),
                        new ScenarioEnvelope(2027, BudgetSection.INVESTMENT, 2))))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void onlyTheRoadmapsManagersDefineScenarios() {
        roadmaps.given(drafted(VALMONT))
                .when(define(STAUBIN_AGENT, List.of()))
                .expectException(NotFoundException.class)
                .expectNoEvents();
        roadmaps.given(drafted(SHARED))
                .when(define(VALMONT_MEMBER, List.of()))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void aClosedRoadmapsPriorisationIsFinal() {
        roadmaps.given(drafted(VALMONT), new RoadmapAdopted(roadmapId, VALMONT, decisionId, decidedOn, 2026, 2028),
                        new RoadmapClosed(roadmapId, VALMONT, "Bilan"))
                .when(define(VALMONT_AGENT, List.of()))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void anApprovedDecisionOfItsOwnGovernanceChoosesTheScenarioOnce() {
        scenarios.given(defined(VALMONT))
                .when(new ChooseScenario(scenarioId, decisionId, VALMONT, decidedOn))
                .expectResultMessagePayload(DecisionEffect.APPLIED)
                .expectEvents(new ScenarioChosen(scenarioId, roadmapId, VALMONT, decisionId, decidedOn));
        scenarios.given(defined(VALMONT), new ScenarioChosen(scenarioId, roadmapId, VALMONT, decisionId, decidedOn))
                .when(new ChooseScenario(scenarioId, decisionId, VALMONT, decidedOn))
                .expectResultMessagePayload(DecisionEffect.ALREADY_APPLIED)
                .expectNoEvents();
    }

    @Test
    void anotherOwnersGovernanceHasNoSayOnTheScenario() {
        scenarios.given(defined(VALMONT))
                .when(new ChooseScenario(scenarioId, decisionId, SAINT_AUBIN, decidedOn))
                .expectResultMessagePayload(DecisionEffect.OTHER_OWNER)
                .expectNoEvents();
    }

    private DefineScenario define(Caller caller, List<ScenarioEnvelope> envelopes) {
        return new DefineScenario(roadmapId, scenarioId, caller, "Services en ligne d'abord", List.of(projectId),
                envelopes);
    }

    private RoadmapDrafted drafted(Owner owner) {
        return new RoadmapDrafted(roadmapId, owner, "Schéma directeur 2026-2028", 2026, 2028, Set.of(Axis.OPEN_DATA));
    }

    private ScenarioDefined defined(Owner owner) {
        return new ScenarioDefined(scenarioId, roadmapId, owner, "Services en ligne d'abord", List.of(projectId),
                List.of());
    }
}

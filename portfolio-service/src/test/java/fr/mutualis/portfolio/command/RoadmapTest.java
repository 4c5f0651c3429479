package fr.mutualis.portfolio.command;

import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.error.NotPermittedException;
import fr.mutualis.kit.error.StateConflictException;
import fr.mutualis.kit.tenant.Caller;
import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.portfolio.messages.AdoptRoadmap;
import fr.mutualis.portfolio.messages.Axis;
import fr.mutualis.portfolio.messages.CloseRoadmap;
import fr.mutualis.portfolio.messages.DecisionEffect;
import fr.mutualis.portfolio.messages.DraftRoadmap;
import fr.mutualis.portfolio.messages.PriorityWeights;
import fr.mutualis.portfolio.messages.ProjectProposed;
import fr.mutualis.portfolio.messages.ProposeProject;
import fr.mutualis.portfolio.messages.RoadmapAdopted;
import fr.mutualis.portfolio.messages.RoadmapClosed;
import fr.mutualis.portfolio.messages.RoadmapDrafted;
import fr.mutualis.portfolio.messages.RoadmapStatus;
import fr.mutualis.portfolio.messages.RoadmapWeightsSet;
import fr.mutualis.portfolio.messages.SetPriorityWeights;
import fr.mutualis.portfolio.messages.Theme;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RoadmapTest {

    static final Owner VALMONT = Owner.tenant("210000022");
    static final Owner SAINT_AUBIN = Owner.tenant("210000030");
    static final Owner CAGV = Owner.tenant("200000016");
    static final Owner SHARED = Owner.mutualisation(UUID.randomUUID());
    static final Caller VALMONT_AGENT = Caller.tenant(VALMONT.id());
    static final Caller STAUBIN_AGENT = Caller.tenant(SAINT_AUBIN.id());
    /** The mutualisation's administrator, acting for the administering EPCI; Valmont and Saint-Aubin are members. */
    static final Caller CAGV_ADMIN = new Caller(CAGV, Set.of(Caller.SHARED_SERVICE_ADMIN), Set.of(CAGV, SHARED),
            Set.of(CAGV, SHARED), java.util.Map.of(SHARED, Set.of(CAGV.id(), VALMONT.id(), SAINT_AUBIN.id())));
    /** A member commune of the mutualisation: sees its data, does not manage it. */
    static final Caller VALMONT_MEMBER = new Caller(VALMONT, Set.of("AGENT"), Set.of(VALMONT, SHARED), Set.of(VALMONT),
            java.util.Map.of());

    private final UUID roadmapId = UUID.randomUUID();
    private final UUID decisionId = UUID.randomUUID();
    private final LocalDate adoptedOn = LocalDate.of(2026, 2, 10);
    private AggregateTestFixture<Roadmap> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Roadmap.class);
    }

    @Test
    void aRoadmapStartsInDraft() {
        fixture.givenNoPriorActivity()
                .when(new DraftRoadmap(roadmapId, VALMONT_AGENT, VALMONT, "Schéma directeur 2026-2028", 2026, 2028, Set.of(Axis.OPEN_DATA)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RoadmapDrafted(roadmapId, VALMONT, "Schéma directeur 2026-2028", 2026, 2028, Set.of(Axis.OPEN_DATA)))
                .expectState(roadmap -> assertThat(roadmap.status()).isEqualTo(RoadmapStatus.DRAFT));
    }

    @Test
    void aRoadmapCoversSixYearsAtMost() {
        fixture.givenNoPriorActivity()
                .when(new DraftRoadmap(roadmapId, VALMONT_AGENT, VALMONT, "Trop long", 2026, 2032, Set.of(Axis.OPEN_DATA)))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aRoadmapCannotEndBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(new DraftRoadmap(roadmapId, VALMONT_AGENT, VALMONT, "À l'envers", 2028, 2026, Set.of(Axis.OPEN_DATA)))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void sixYearsIsAllowed() {
        fixture.givenNoPriorActivity()
                .when(new DraftRoadmap(roadmapId, VALMONT_AGENT, VALMONT, "Mandat", 2026, 2031, Set.of(Axis.OPEN_DATA)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theMutualisationsAdministratorDraftsASharedRoadmap() {
        fixture.givenNoPriorActivity()
                .when(new DraftRoadmap(roadmapId, CAGV_ADMIN, SHARED, "SDN mutualisé", 2026, 2028, Set.of(Axis.OPEN_DATA)))
                .expectEvents(new RoadmapDrafted(roadmapId, SHARED, "SDN mutualisé", 2026, 2028, Set.of(Axis.OPEN_DATA)));
    }

    @Test
    void aMemberOfTheMutualisationCannotDraftForIt() {
        fixture.givenNoPriorActivity()
                .when(new DraftRoadmap(roadmapId, VALMONT_MEMBER, SHARED, "SDN mutualisé", 2026, 2028, Set.of(Axis.OPEN_DATA)))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void aStrangerToTheMutualisationDoesNotEvenSeeIt() {
        fixture.givenNoPriorActivity()
                .when(new DraftRoadmap(roadmapId, STAUBIN_AGENT, SHARED, "SDN mutualisé", 2026, 2028, Set.of(Axis.OPEN_DATA)))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void anotherTenantCannotProposeOnTheRoadmap() {
        fixture.given(drafted(VALMONT))
                .when(proposal(STAUBIN_AGENT))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void theOwnerProposesAProjectThatStartsAsProposed() {
        ProposeProject command = proposal(VALMONT_AGENT);
        fixture.given(drafted(VALMONT))
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(proposed(command, VALMONT));
    }

    @Test
    void aSharedRoadmapsProjectsBelongToTheMutualisationAndOnlyItsAdministratorsProposeThem() {
        ProposeProject command = proposal(CAGV_ADMIN);
        fixture.given(drafted(SHARED))
                .when(command)
                .expectEvents(proposed(command, SHARED));
        fixture.given(drafted(SHARED))
                .when(proposal(VALMONT_MEMBER))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void aSharedProjectNamesItsParticipatingMembers() {
        ProposeProject command = proposal(CAGV_ADMIN, Set.of(VALMONT.id(), SAINT_AUBIN.id()));
        fixture.given(drafted(SHARED))
                .when(command)
                .expectEvents(proposed(command, SHARED));
    }

    @Test
    void onlyThePartiesToTheMutualisationParticipate() {
        fixture.given(drafted(SHARED))
                .when(proposal(CAGV_ADMIN, Set.of(VALMONT.id(), "210000048")))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("210000048"))
                .expectNoEvents();
    }

    @Test
    void aTenantsOwnProjectHasNoParticipants() {
        fixture.given(drafted(VALMONT))
                .when(proposal(VALMONT_AGENT, Set.of(VALMONT.id())))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void noProjectIsProposedOnAClosedRoadmap() {
        fixture.given(drafted(VALMONT), adopted(VALMONT), new RoadmapClosed(roadmapId, VALMONT, "Bilan"))
                .when(proposal(VALMONT_AGENT))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("CLOSED"))
                .expectNoEvents();
    }

    @Test
    void weightsAreSetWhileTheRoadmapIsOpen() {
        PriorityWeights weights = new PriorityWeights(3, 2, 1, 3, 1, 2);
        fixture.given(drafted(VALMONT))
                .when(new SetPriorityWeights(roadmapId, VALMONT_AGENT, weights, null))
                .expectEvents(new RoadmapWeightsSet(roadmapId, VALMONT, weights))
                .expectResultMessagePayload(1L);
        fixture.given(drafted(VALMONT), adopted(VALMONT))
                .when(new SetPriorityWeights(roadmapId, VALMONT_AGENT, weights, null))
                .expectEvents(new RoadmapWeightsSet(roadmapId, VALMONT, weights));
    }

    @Test
    void weightsGoFromZeroToTenWithAtLeastOnePositive() {
        fixture.given(drafted(VALMONT))
                .when(new SetPriorityWeights(roadmapId, VALMONT_AGENT, new PriorityWeights(11, 1, 1, 1, 1, 1), null))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
        fixture.given(drafted(VALMONT))
                .when(new SetPriorityWeights(roadmapId, VALMONT_AGENT, new PriorityWeights(0, 0, 0, 0, 0, 0), null))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
        fixture.given(drafted(VALMONT))
                .when(new SetPriorityWeights(roadmapId, VALMONT_AGENT, new PriorityWeights(0, -1, 1, 1, 1, 1), null))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aClosedRoadmapsWeightsAreFinal() {
        fixture.given(drafted(VALMONT), adopted(VALMONT), new RoadmapClosed(roadmapId, VALMONT, "Bilan"))
                .when(new SetPriorityWeights(roadmapId, VALMONT_AGENT, PriorityWeights.EQUAL, null))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void anotherTenantCannotSetTheWeights() {
        fixture.given(drafted(VALMONT))
                .when(new SetPriorityWeights(roadmapId, STAUBIN_AGENT, PriorityWeights.EQUAL, null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aStaleVersionIsRefused() {
        fixture.given(drafted(VALMONT), new RoadmapWeightsSet(roadmapId, VALMONT, PriorityWeights.EQUAL))
                .when(new SetPriorityWeights(roadmapId, VALMONT_AGENT, new PriorityWeights(2, 1, 1, 1, 1, 1), 0L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
        fixture.given(drafted(VALMONT), new RoadmapWeightsSet(roadmapId, VALMONT, PriorityWeights.EQUAL))
                .when(new SetPriorityWeights(roadmapId, VALMONT_AGENT, new PriorityWeights(2, 1, 1, 1, 1, 1), 1L))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(2L);
    }

    @Test
    void anApprovedAdoptionDecisionAdoptsTheDraft() {
        fixture.given(drafted(VALMONT))
                .when(new AdoptRoadmap(roadmapId, decisionId, VALMONT, adoptedOn))
                .expectEvents(adopted(VALMONT))
                .expectResultMessagePayload(DecisionEffect.APPLIED)
                .expectState(roadmap -> assertThat(roadmap.status()).isEqualTo(RoadmapStatus.ADOPTED));
    }

    @Test
    void theSameAdoptionDecisionTwiceAdoptsOnce() {
        fixture.given(drafted(VALMONT), adopted(VALMONT))
                .when(new AdoptRoadmap(roadmapId, decisionId, VALMONT, adoptedOn))
                .expectNoEvents()
                .expectResultMessagePayload(DecisionEffect.ALREADY_APPLIED);
    }

    @Test
    void anotherAdoptionOfAnAdoptedOrClosedRoadmapChangesNothing() {
        fixture.given(drafted(VALMONT), adopted(VALMONT))
                .when(new AdoptRoadmap(roadmapId, UUID.randomUUID(), VALMONT, adoptedOn))
                .expectNoEvents()
                .expectResultMessagePayload(DecisionEffect.WRONG_STATE);
        fixture.given(drafted(VALMONT), adopted(VALMONT), new RoadmapClosed(roadmapId, VALMONT, "Bilan"))
                .when(new AdoptRoadmap(roadmapId, UUID.randomUUID(), VALMONT, adoptedOn))
                .expectNoEvents()
                .expectResultMessagePayload(DecisionEffect.WRONG_STATE);
    }

    @Test
    void anotherOwnersInstanceCannotAdoptTheRoadmap() {
        fixture.given(drafted(VALMONT))
                .when(new AdoptRoadmap(roadmapId, decisionId, SAINT_AUBIN, adoptedOn))
                .expectNoEvents()
                .expectResultMessagePayload(DecisionEffect.OTHER_OWNER);
    }

    @Test
    void anAdoptedRoadmapIsClosedWithItsFinalAssessment() {
        fixture.given(drafted(VALMONT), adopted(VALMONT))
                .when(new CloseRoadmap(roadmapId, VALMONT_AGENT, "12 projets livrés sur 15", null))
                .expectEvents(new RoadmapClosed(roadmapId, VALMONT, "12 projets livrés sur 15"))
                .expectResultMessagePayload(2L)
                .expectState(roadmap -> assertThat(roadmap.status()).isEqualTo(RoadmapStatus.CLOSED));
    }

    @Test
    void onlyAnAdoptedRoadmapIsClosed() {
        fixture.given(drafted(VALMONT))
                .when(new CloseRoadmap(roadmapId, VALMONT_AGENT, "Bilan", null))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("DRAFT"))
                .expectNoEvents();
        fixture.given(drafted(VALMONT), adopted(VALMONT), new RoadmapClosed(roadmapId, VALMONT, "Bilan"))
                .when(new CloseRoadmap(roadmapId, VALMONT_AGENT, "Bilan", null))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("CLOSED"))
                .expectNoEvents();
    }

    @Test
    void anotherTenantCannotCloseTheRoadmap() {
        fixture.given(drafted(VALMONT), adopted(VALMONT))
                .when(new CloseRoadmap(roadmapId, STAUBIN_AGENT, "Bilan", null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    private RoadmapDrafted drafted(Owner owner) {
        return new RoadmapDrafted(roadmapId, owner, "SDN", 2026, 2028, Set.of(Axis.OPEN_DATA));
    }

    private RoadmapAdopted adopted(Owner owner) {
        return new RoadmapAdopted(roadmapId, owner, decisionId, adoptedOn, 2026, 2028);
    }

    private ProjectProposed proposed(ProposeProject command, Owner owner) {
        return new ProjectProposed(command.projectId(), roadmapId, owner, command.title(), command.description(),
                command.axis(), command.theme(), command.sponsor(), command.manager(), command.plannedStart(),
                command.plannedEnd(), command.estimatedInvestmentCents(), command.estimatedOperatingCents(),
                command.participantSirens());
    }

    private ProposeProject proposal(Caller caller) {
        return proposal(caller, Set.of());
    }

    private ProposeProject proposal(Caller caller, Set<String> participants) {
        return new ProposeProject(roadmapId, UUID.randomUUID(), caller, "Portail open data", "Publier les données",
                Axis.OPEN_DATA, Theme.USER_SERVICES, "Maire adjoint", "DSI", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 12, 31), 5_000_000, 1_200_000, participants);
    }
}

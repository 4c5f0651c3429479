package fr.mutualis.portfolio.command;

import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.NotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

class RoadmapTest {

    private static final String VALMONT = "210000022";
    private static final String SAINT_AUBIN = "210000030";
    private final UUID roadmapId = UUID.randomUUID();
    private AggregateTestFixture<Roadmap> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Roadmap.class);
    }

    @Test
    void aRoadmapStartsInDraft() {
        fixture.givenNoPriorActivity()
                .when(new DraftRoadmap(roadmapId, VALMONT, "Schéma directeur 2026-2028", 2026, 2028, Set.of(Axis.OPEN_DATA)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RoadmapDrafted(roadmapId, VALMONT, "Schéma directeur 2026-2028", 2026, 2028, Set.of(Axis.OPEN_DATA)))
                .expectState(roadmap -> org.assertj.core.api.Assertions.assertThat(roadmap.status()).isEqualTo(RoadmapStatus.DRAFT));
    }

    @Test
    void aRoadmapCoversSixYearsAtMost() {
        fixture.givenNoPriorActivity()
                .when(new DraftRoadmap(roadmapId, VALMONT, "Trop long", 2026, 2032, Set.of(Axis.OPEN_DATA)))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aRoadmapCannotEndBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(new DraftRoadmap(roadmapId, VALMONT, "À l'envers", 2028, 2026, Set.of(Axis.OPEN_DATA)))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void sixYearsIsAllowed() {
        fixture.givenNoPriorActivity()
                .when(new DraftRoadmap(roadmapId, VALMONT, "Mandat", 2026, 2031, Set.of(Axis.OPEN_DATA)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anotherTenantCannotProposeOnTheRoadmap() {
        fixture.given(new RoadmapDrafted(roadmapId, VALMONT, "SDN", 2026, 2028, Set.of(Axis.OPEN_DATA)))
                .when(proposal(SAINT_AUBIN))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void theOwnerProposesAProjectThatStartsAsProposed() {
        ProposeProject command = proposal(VALMONT);
        fixture.given(new RoadmapDrafted(roadmapId, VALMONT, "SDN", 2026, 2028, Set.of(Axis.OPEN_DATA)))
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProjectProposed(command.projectId(), roadmapId, VALMONT, command.title(),
                        command.description(), command.axis(), command.theme(), command.sponsor(), command.manager(),
                        command.plannedStart(), command.plannedEnd(), command.estimatedInvestmentCents(),
                        command.estimatedOperatingCents()));
    }

    private ProposeProject proposal(String tenant) {
        return new ProposeProject(roadmapId, UUID.randomUUID(), tenant, "Portail open data", "Publier les données",
                Axis.OPEN_DATA, Theme.USER_SERVICES, "Maire adjoint", "DSI", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 12, 31), 5_000_000, 1_200_000);
    }
}

package fr.mutualis.portfolio.command;

import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.error.NotPermittedException;
import fr.mutualis.kit.error.StateConflictException;
import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.portfolio.messages.ApproveProject;
import fr.mutualis.portfolio.messages.AssessProject;
import fr.mutualis.portfolio.messages.AssessmentScores;
import fr.mutualis.portfolio.messages.Axis;
import fr.mutualis.portfolio.messages.DecisionEffect;
import fr.mutualis.portfolio.messages.MilestonePlanned;
import fr.mutualis.portfolio.messages.MilestoneReached;
import fr.mutualis.portfolio.messages.MoveProject;
import fr.mutualis.portfolio.messages.PlanMilestone;
import fr.mutualis.portfolio.messages.ProjectAssessed;
import fr.mutualis.portfolio.messages.ProjectProposed;
import fr.mutualis.portfolio.messages.ProjectStatus;
import fr.mutualis.portfolio.messages.ProjectStatusChanged;
import fr.mutualis.portfolio.messages.ProjectTransition;
import fr.mutualis.portfolio.messages.ReachMilestone;
import fr.mutualis.portfolio.messages.Theme;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static fr.mutualis.portfolio.command.RoadmapTest.CAGV_ADMIN;
import static fr.mutualis.portfolio.command.RoadmapTest.SHARED;
import static fr.mutualis.portfolio.command.RoadmapTest.STAUBIN_AGENT;
import static fr.mutualis.portfolio.command.RoadmapTest.VALMONT;
import static fr.mutualis.portfolio.command.RoadmapTest.VALMONT_AGENT;
import static fr.mutualis.portfolio.command.RoadmapTest.VALMONT_MEMBER;
import static fr.mutualis.portfolio.messages.ProjectStatus.APPROVED;
import static fr.mutualis.portfolio.messages.ProjectStatus.ASSESSED;
import static fr.mutualis.portfolio.messages.ProjectStatus.CANCELLED;
import static fr.mutualis.portfolio.messages.ProjectStatus.CLOSED;
import static fr.mutualis.portfolio.messages.ProjectStatus.DELIVERED;
import static fr.mutualis.portfolio.messages.ProjectStatus.IN_PROGRESS;
import static fr.mutualis.portfolio.messages.ProjectStatus.ON_HOLD;
import static fr.mutualis.portfolio.messages.ProjectStatus.PROPOSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

class ProjectTest {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 4);
    static final AssessmentScores SCORES = new AssessmentScores(5, 4, 3, 2, 4, 1);

    private final UUID projectId = UUID.randomUUID();
    private final UUID roadmapId = UUID.randomUUID();
    private final UUID decisionId = UUID.randomUUID();
    private final UUID milestoneId = UUID.randomUUID();
    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    // Assessment

    @Test
    void theFirstAssessmentScoresTheProjectAndMovesItToAssessed() {
        fixture.given(proposed(VALMONT))
                .when(new AssessProject(projectId, VALMONT_AGENT, SCORES, TODAY, null))
                .expectEvents(new ProjectAssessed(projectId, roadmapId, VALMONT, SCORES), moved(PROPOSED, ASSESSED, null, null, TODAY))
                .expectResultMessagePayload(2L)
                .expectState(project -> assertThat(project.status()).isEqualTo(ASSESSED));
    }

    @Test
    void anAssessedProjectIsReassessedWithoutChangingItsStatus() {
        AssessmentScores revised = new AssessmentScores(3, 3, 3, 3, 3, 3);
        fixture.given(history(ASSESSED))
                .when(new AssessProject(projectId, VALMONT_AGENT, revised, TODAY, null))
                .expectEvents(new ProjectAssessed(projectId, roadmapId, VALMONT, revised))
                .expectState(project -> assertThat(project.status()).isEqualTo(ASSESSED));
    }

    @ParameterizedTest
    @EnumSource(value = ProjectStatus.class, names = {"APPROVED", "IN_PROGRESS", "ON_HOLD", "DELIVERED", "CLOSED", "CANCELLED"})
    void scoresAreFrozenOnceTheGateDecided(ProjectStatus status) {
        fixture.given(history(status))
                .when(new AssessProject(projectId, VALMONT_AGENT, SCORES, TODAY, null))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(containsString(status.name()))
                .expectNoEvents();
    }

    @Test
    void scoresGoFromZeroToFive() {
        fixture.given(proposed(VALMONT))
                .when(new AssessProject(projectId, VALMONT_AGENT, new AssessmentScores(6, 0, 0, 0, 0, 0), TODAY, null))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
        fixture.given(proposed(VALMONT))
                .when(new AssessProject(projectId, VALMONT_AGENT, new AssessmentScores(0, 0, 0, 0, 0, -1), TODAY, null))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
        fixture.given(proposed(VALMONT))
                .when(new AssessProject(projectId, VALMONT_AGENT, new AssessmentScores(0, 0, 0, 0, 0, 0), TODAY, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anotherTenantCannotAssessTheProject() {
        fixture.given(proposed(VALMONT))
                .when(new AssessProject(projectId, STAUBIN_AGENT, SCORES, TODAY, null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aSharedProjectIsManagedByTheMutualisationsAdministratorsOnly() {
        fixture.given(proposed(SHARED))
                .when(new AssessProject(projectId, VALMONT_MEMBER, SCORES, TODAY, null))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
        fixture.given(proposed(SHARED))
                .when(new AssessProject(projectId, CAGV_ADMIN, SCORES, TODAY, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theAdministeringEpciDoesNotSeeAMembersPrivateProject() {
        fixture.given(proposed(VALMONT))
                .when(new AssessProject(projectId, CAGV_ADMIN, SCORES, TODAY, null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    // Approval, only through governance

    @Test
    void anApprovedGateDecisionApprovesAnAssessedProject() {
        LocalDate decidedOn = LocalDate.of(2026, 4, 2);
        fixture.given(history(ASSESSED))
                .when(new ApproveProject(projectId, decisionId, VALMONT, decidedOn))
                .expectEvents(moved(ASSESSED, APPROVED, null, decisionId, decidedOn))
                .expectResultMessagePayload(DecisionEffect.APPLIED);
    }

    @Test
    void theSameGateDecisionTwiceApprovesOnce() {
        fixture.given(history(APPROVED))
                .when(new ApproveProject(projectId, decisionId, VALMONT, TODAY))
                .expectNoEvents()
                .expectResultMessagePayload(DecisionEffect.ALREADY_APPLIED);
    }

    @ParameterizedTest
    @EnumSource(value = ProjectStatus.class, names = "ASSESSED", mode = EnumSource.Mode.EXCLUDE)
    void aGateDecisionOnAProjectNotAssessedChangesNothing(ProjectStatus status) {
        fixture.given(history(status))
                .when(new ApproveProject(projectId, UUID.randomUUID(), VALMONT, TODAY))
                .expectNoEvents()
                .expectResultMessagePayload(DecisionEffect.WRONG_STATE);
    }

    @Test
    void anotherOwnersInstanceCannotApproveTheProject() {
        fixture.given(history(ASSESSED))
                .when(new ApproveProject(projectId, decisionId, RoadmapTest.SAINT_AUBIN, TODAY))
                .expectNoEvents()
                .expectResultMessagePayload(DecisionEffect.OTHER_OWNER);
    }

    // The managers' moves

    static Stream<Arguments> allowedMoves() {
        return Stream.of(
                Arguments.of(APPROVED, ProjectTransition.START, IN_PROGRESS),
                Arguments.of(IN_PROGRESS, ProjectTransition.HOLD, ON_HOLD),
                Arguments.of(ON_HOLD, ProjectTransition.RESUME, IN_PROGRESS),
                Arguments.of(IN_PROGRESS, ProjectTransition.DELIVER, DELIVERED),
                Arguments.of(DELIVERED, ProjectTransition.CLOSE, CLOSED),
                Arguments.of(PROPOSED, ProjectTransition.CANCEL, CANCELLED),
                Arguments.of(ASSESSED, ProjectTransition.CANCEL, CANCELLED),
                Arguments.of(APPROVED, ProjectTransition.CANCEL, CANCELLED),
                Arguments.of(IN_PROGRESS, ProjectTransition.CANCEL, CANCELLED),
                Arguments.of(ON_HOLD, ProjectTransition.CANCEL, CANCELLED));
    }

    @ParameterizedTest(name = "{1} from {0} → {2}")
    @MethodSource("allowedMoves")
    void theLifecycleAllows(ProjectStatus from, ProjectTransition transition, ProjectStatus to) {
        fixture.given(history(from))
                .when(new MoveProject(projectId, VALMONT_AGENT, transition, "motif", TODAY, null))
                .expectEvents(moved(from, to, "motif", null, TODAY))
                .expectState(project -> assertThat(project.status()).isEqualTo(to));
    }

    /** Every (state, move) pair the lifecycle does not list. */
    static Stream<Arguments> forbiddenMoves() {
        Set<String> allowed = new java.util.HashSet<>();
        allowedMoves().forEach(arguments -> allowed.add(arguments.get()[0] + "/" + arguments.get()[1]));
        List<Arguments> forbidden = new ArrayList<>();
        for (ProjectStatus from : ProjectStatus.values()) {
            for (ProjectTransition transition : ProjectTransition.values()) {
                if (!allowed.contains(from + "/" + transition)) {
                    forbidden.add(Arguments.of(from, transition));
                }
            }
        }
        return forbidden.stream();
    }

    @ParameterizedTest(name = "{1} from {0} is refused")
    @MethodSource("forbiddenMoves")
    void theLifecycleForbids(ProjectStatus from, ProjectTransition transition) {
        fixture.given(history(from))
                .when(new MoveProject(projectId, VALMONT_AGENT, transition, null, TODAY, null))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(containsString("is " + from.name()))
                .expectNoEvents();
    }

    @Test
    void everyForbiddenPairIsCovered() {
        // 8 states x 6 moves, 10 allowed: the other 38 are refused.
        assertThat(forbiddenMoves().count()).isEqualTo(38);
    }

    @Test
    void anotherTenantCannotMoveTheProject() {
        fixture.given(history(APPROVED))
                .when(new MoveProject(projectId, STAUBIN_AGENT, ProjectTransition.START, null, TODAY, null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aStaleVersionIsRefused() {
        List<Object> approved = history(APPROVED);
        long current = approved.size() - 1;
        fixture.given(approved)
                .when(new MoveProject(projectId, VALMONT_AGENT, ProjectTransition.START, null, TODAY, current - 1))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
        fixture.given(approved)
                .when(new MoveProject(projectId, VALMONT_AGENT, ProjectTransition.START, null, TODAY, current))
                .expectResultMessagePayload(current + 1);
    }

    // Milestones

    @Test
    void aMilestoneIsPlanned() {
        fixture.given(history(IN_PROGRESS))
                .when(new PlanMilestone(projectId, milestoneId, VALMONT_AGENT, "Recette", LocalDate.of(2026, 6, 30), null))
                .expectEvents(new MilestonePlanned(projectId, milestoneId, VALMONT, "Recette", LocalDate.of(2026, 6, 30)));
    }

    @ParameterizedTest
    @EnumSource(value = ProjectStatus.class, names = {"CLOSED", "CANCELLED"})
    void aFinishedProjectsMilestonesCannotChange(ProjectStatus status) {
        fixture.given(history(status))
                .when(new PlanMilestone(projectId, milestoneId, VALMONT_AGENT, "Recette", LocalDate.of(2026, 6, 30), null))
                .expectException(StateConflictException.class)
                .expectNoEvents();
        List<Object> planned = new ArrayList<>(history(IN_PROGRESS));
        planned.add(new MilestonePlanned(projectId, milestoneId, VALMONT, "Recette", LocalDate.of(2026, 4, 30)));
        planned.add(moved(IN_PROGRESS, status == CLOSED ? DELIVERED : CANCELLED, null, null, TODAY));
        if (status == CLOSED) {
            planned.add(moved(DELIVERED, CLOSED, null, null, TODAY));
        }
        fixture.given(planned)
                .when(new ReachMilestone(projectId, milestoneId, VALMONT_AGENT, TODAY, TODAY, null))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aMilestoneIsReachedWithItsPlannedDateForTheSlippage() {
        LocalDate planned = LocalDate.of(2026, 4, 30);
        fixture.given(withMilestone(planned))
                .when(new ReachMilestone(projectId, milestoneId, VALMONT_AGENT, TODAY, TODAY, null))
                .expectEvents(new MilestoneReached(projectId, milestoneId, VALMONT, planned, TODAY));
    }

    @Test
    void aMilestoneIsReachedOnce() {
        LocalDate planned = LocalDate.of(2026, 4, 30);
        List<Object> reached = new ArrayList<>(withMilestone(planned));
        reached.add(new MilestoneReached(projectId, milestoneId, VALMONT, planned, planned));
        fixture.given(reached)
                .when(new ReachMilestone(projectId, milestoneId, VALMONT_AGENT, TODAY, TODAY, null))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(containsString("REACHED"))
                .expectNoEvents();
    }

    @Test
    void aMilestoneIsNotReachedInTheFuture() {
        fixture.given(withMilestone(LocalDate.of(2026, 4, 30)))
                .when(new ReachMilestone(projectId, milestoneId, VALMONT_AGENT, TODAY.plusDays(1), TODAY, null))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownMilestoneIsNotFound() {
        fixture.given(withMilestone(LocalDate.of(2026, 4, 30)))
                .when(new ReachMilestone(projectId, UUID.randomUUID(), VALMONT_AGENT, TODAY, TODAY, null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void anotherTenantCannotPlanOrReachMilestones() {
        fixture.given(history(IN_PROGRESS))
                .when(new PlanMilestone(projectId, milestoneId, STAUBIN_AGENT, "Recette", TODAY, null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
        fixture.given(withMilestone(TODAY))
                .when(new ReachMilestone(projectId, milestoneId, STAUBIN_AGENT, TODAY, TODAY, null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    private List<Object> withMilestone(LocalDate planned) {
        List<Object> events = new ArrayList<>(history(IN_PROGRESS));
        events.add(new MilestonePlanned(projectId, milestoneId, VALMONT, "Recette", planned));
        return events;
    }

    /** The events that bring a Valmont project to {@code status} along the lifecycle. */
    private List<Object> history(ProjectStatus status) {
        Map<ProjectStatus, List<ProjectStatus>> paths = Map.of(
                PROPOSED, List.of(),
                ASSESSED, List.of(ASSESSED),
                APPROVED, List.of(ASSESSED, APPROVED),
                IN_PROGRESS, List.of(ASSESSED, APPROVED, IN_PROGRESS),
                ON_HOLD, List.of(ASSESSED, APPROVED, IN_PROGRESS, ON_HOLD),
                DELIVERED, List.of(ASSESSED, APPROVED, IN_PROGRESS, DELIVERED),
                CLOSED, List.of(ASSESSED, APPROVED, IN_PROGRESS, DELIVERED, CLOSED),
                CANCELLED, List.of(CANCELLED));
        List<Object> events = new ArrayList<>();
        events.add(proposed(VALMONT));
        ProjectStatus current = PROPOSED;
        for (ProjectStatus next : paths.get(status)) {
            if (next == ASSESSED) {
                events.add(new ProjectAssessed(projectId, roadmapId, VALMONT, SCORES));
            }
            events.add(moved(current, next, null, next == APPROVED ? decisionId : null, TODAY));
            current = next;
        }
        return events;
    }

    private ProjectProposed proposed(Owner owner) {
        return new ProjectProposed(projectId, roadmapId, owner, "Portail open data", "Publier", Axis.OPEN_DATA,
                Theme.USER_SERVICES, "Maire adjoint", "DSI", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31),
                5_000_000, 1_200_000, Set.of());
    }

    private ProjectStatusChanged moved(ProjectStatus from, ProjectStatus to, String reason, UUID decision, LocalDate on) {
        return new ProjectStatusChanged(projectId, roadmapId, VALMONT, Axis.OPEN_DATA, from, to, reason, decision, on);
    }
}

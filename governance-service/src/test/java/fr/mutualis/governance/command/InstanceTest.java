package fr.mutualis.governance.command;

import fr.mutualis.governance.messages.ChairVote;
import fr.mutualis.governance.messages.CloseSession;
import fr.mutualis.governance.messages.DecisionPublished;
import fr.mutualis.governance.messages.DecisionTaken;
import fr.mutualis.governance.messages.RecordAttendance;
import fr.mutualis.governance.messages.SessionClosed;
import fr.mutualis.governance.messages.AgendaItem;
import fr.mutualis.governance.messages.AgendaItemKind;
import fr.mutualis.governance.messages.ArbitratedAmount;
import fr.mutualis.governance.messages.AttendanceRecorded;
import fr.mutualis.governance.messages.Cadence;
import fr.mutualis.governance.messages.CreateInstance;
import fr.mutualis.governance.messages.DecisionRecorded;
import fr.mutualis.governance.messages.InstanceCreated;
import fr.mutualis.governance.messages.InstanceKind;
import fr.mutualis.governance.messages.InstanceMember;
import fr.mutualis.governance.messages.MutualisationScopes;
import fr.mutualis.governance.messages.Outcome;
import fr.mutualis.governance.messages.RecordDecision;
import fr.mutualis.governance.messages.ScheduleSession;
import fr.mutualis.governance.messages.SessionScheduled;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.InvalidInputException;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.error.StateConflictException;
import fr.mutualis.kit.tenant.Caller;
import fr.mutualis.kit.tenant.Owner;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

class InstanceTest {

    static final String CAGV = "200000016";
    static final String VALMONT = "210000022";
    static final String SAINT_AUBIN = "210000030";
    static final String LES_AULNES = "210000048";
    static final UUID MUTUALISATION = UUID.randomUUID();
    static final UUID INSTANCE = UUID.randomUUID();
    static final UUID SESSION = UUID.randomUUID();
    static final UUID GATE = UUID.randomUUID();
    static final UUID BUDGET = UUID.randomUUID();
    static final UUID INFO = UUID.randomUUID();
    static final UUID DECISION = UUID.randomUUID();
    static final Instant MONDAY = Instant.parse("2026-03-16T17:00:00Z");
    /** The convocation of MONDAY's séance, sent ten days before. */
    static final LocalDate CONVENED = LocalDate.parse("2026-03-06");
    static final UUID LINE = UUID.randomUUID();

    /** Five voting councillors, the maire chairing, and the DGS who sits without voting. */
    static final List<InstanceMember> COUNCIL = List.of(
            new InstanceMember("maire", "Anne Roy", "maire", VALMONT, true, true),
            new InstanceMember("c1", "Bruno Caron", "conseiller", VALMONT, true, false),
            new InstanceMember("c2", "Chloé Petit", "conseillère", VALMONT, true, false),
            new InstanceMember("c3", "David Marin", "conseiller", VALMONT, true, false),
            new InstanceMember("c4", "Emma Noël", "conseillère", VALMONT, true, false),
            new InstanceMember("dgs", "Farid Lemoine", "DGS", VALMONT, false, false));

    static final List<AgendaItem> AGENDA = List.of(
            new AgendaItem(GATE, AgendaItemKind.PROJECT_GATE, "Compte citoyen en ligne", "project-42", List.of()),
            new AgendaItem(BUDGET, AgendaItemKind.BUDGET_ARBITRATION, "Crédits du SIG", null,
                    List.of(new ArbitratedAmount(LINE, null, 1_250_000))),
            new AgendaItem(INFO, AgendaItemKind.INFORMATION, "Point d'avancement", null, List.of()));

    static final MutualisationScopes SCOPES = id -> id.equals(MUTUALISATION)
            ? Optional.of(new MutualisationScopes.Scope(MUTUALISATION, CAGV, Set.of(VALMONT, SAINT_AUBIN)))
            : Optional.empty();

    AggregateTestFixture<Instance> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Instance.class);
        fixture.registerInjectableResource(SCOPES);
    }

    static InstanceCreated council() {
        return new InstanceCreated(INSTANCE, Owner.tenant(VALMONT), null, VALMONT, "Conseil municipal de Valmont",
                InstanceKind.DELIBERATIVE_ASSEMBLY, Cadence.QUARTERLY, null, COUNCIL);
    }

    static InstanceCreated committee(BigDecimal quorum) {
        return new InstanceCreated(INSTANCE, Owner.tenant(VALMONT), null, VALMONT, "Comité de pilotage",
                InstanceKind.PORTFOLIO_STEERING_COMMITTEE, Cadence.MONTHLY, quorum, COUNCIL);
    }

    static SessionScheduled scheduled() {
        return new SessionScheduled(INSTANCE, SESSION, MONDAY, AGENDA, null, false, Owner.tenant(VALMONT), InstanceKind.DELIBERATIVE_ASSEMBLY, CONVENED, false);
    }

    static AttendanceRecorded present(boolean quorum, String... personIds) {
        return new AttendanceRecorded(INSTANCE, SESSION, List.of(personIds), quorum);
    }

    static RecordDecision vote(UUID item, int votesFor, int against, int abstentions) {
        return new RecordDecision(INSTANCE, SESSION, Caller.tenant(VALMONT), DECISION, item, votesFor, against, abstentions, false,
                false, null, null);
    }

    static DecisionRecorded decided(UUID item, int votesFor, int against, int abstentions, long members, long present,
                                    boolean secret, boolean casting, Outcome outcome) {
        return new DecisionRecorded(INSTANCE, SESSION, DECISION, item, votesFor, against, abstentions, members, present,
                secret, casting, outcome);
    }

    @Nested
    class SettingUp {

        @Test
        void aTenantSetsUpItsAssembly() {
            fixture.givenNoPriorActivity()
                    .when(new CreateInstance(INSTANCE, Caller.tenant(VALMONT), null, "Conseil municipal de Valmont",
                            InstanceKind.DELIBERATIVE_ASSEMBLY, Cadence.QUARTERLY, null, COUNCIL))
                    .expectEvents(council());
        }

        @Test
        void aSteeringInstanceDefaultsToMoreThanHalf() {
            fixture.givenNoPriorActivity()
                    .when(new CreateInstance(INSTANCE, Caller.tenant(VALMONT), null, "Comité de pilotage",
                            InstanceKind.PORTFOLIO_STEERING_COMMITTEE, Cadence.MONTHLY, null, COUNCIL))
                    .expectEvents(committee(new BigDecimal("0.5")));
        }

        @Test
        void anInstanceHasExactlyOneChair() {
            var twoChairs = List.of(COUNCIL.get(0), new InstanceMember("c1", "Bruno Caron", "adjoint", VALMONT, true, true));
            fixture.givenNoPriorActivity()
                    .when(new CreateInstance(INSTANCE, Caller.tenant(VALMONT), null, "Comité", InstanceKind.STRATEGIC_COMMITTEE,
                            Cadence.SEMIANNUAL, null, twoChairs))
                    .expectException(BusinessRuleViolationException.class)
                    .expectExceptionMessage("An instance has exactly one chair; 2 given")
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new CreateInstance(INSTANCE, Caller.tenant(VALMONT), null, "Comité", InstanceKind.STRATEGIC_COMMITTEE,
                            Cadence.SEMIANNUAL, null, COUNCIL.subList(1, 3)))
                    .expectException(BusinessRuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void theAssemblyKeepsItsLegalQuorum() {
            fixture.givenNoPriorActivity()
                    .when(new CreateInstance(INSTANCE, Caller.tenant(VALMONT), null, "Conseil", InstanceKind.DELIBERATIVE_ASSEMBLY,
                            Cadence.QUARTERLY, new BigDecimal("0.3"), COUNCIL))
                    .expectException(BusinessRuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aTenantInstanceSeatsOnlyTheTenant() {
            var outsider = List.of(COUNCIL.get(0), new InstanceMember("x", "Xavier", "élu", LES_AULNES, true, false));
            fixture.givenNoPriorActivity()
                    .when(new CreateInstance(INSTANCE, Caller.tenant(VALMONT), null, "Comité", InstanceKind.STRATEGIC_COMMITTEE,
                            Cadence.ANNUAL, null, outsider))
                    .expectException(BusinessRuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aSharedInstanceSeatsTheMembersAndTheEpci() {
            var members = List.of(new InstanceMember("p", "Président", "président", CAGV, true, true),
                    new InstanceMember("v", "Élu de Valmont", "élu", VALMONT, true, false),
                    new InstanceMember("s", "Élue de Saint-Aubin", "élue", SAINT_AUBIN, true, false));
            fixture.givenNoPriorActivity()
                    .when(new CreateInstance(INSTANCE, Caller.tenant(CAGV), MUTUALISATION, "Comité du service commun",
                            InstanceKind.STRATEGIC_COMMITTEE, Cadence.SEMIANNUAL, null, members))
                    .expectEvents(new InstanceCreated(INSTANCE, Owner.mutualisation(MUTUALISATION), MUTUALISATION, CAGV,
                            "Comité du service commun", InstanceKind.STRATEGIC_COMMITTEE, Cadence.SEMIANNUAL,
                            new BigDecimal("0.5"), members));
            var withOutsider = List.of(members.get(0), new InstanceMember("a", "Élu des Aulnes", "élu", LES_AULNES, true, false));
            fixture.givenNoPriorActivity()
                    .when(new CreateInstance(INSTANCE, Caller.tenant(CAGV), MUTUALISATION, "Comité", InstanceKind.STRATEGIC_COMMITTEE,
                            Cadence.SEMIANNUAL, null, withOutsider))
                    .expectException(BusinessRuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aSeanceRecordsItsOwnerKindConvocationAndUrgencyForTheNoticeAlert() {
            fixture.given(council())
                    .when(new ScheduleSession(INSTANCE, SESSION, Caller.tenant(VALMONT), MONDAY, AGENDA, null, null,
                            LocalDate.parse("2026-03-15"), true))
                    .expectEvents(new SessionScheduled(INSTANCE, SESSION, MONDAY, AGENDA, null, false, Owner.tenant(VALMONT),
                            InstanceKind.DELIBERATIVE_ASSEMBLY, LocalDate.parse("2026-03-15"), true));
        }

        @Test
        void aConvocationIsNotSentAfterTheSeance() {
            fixture.given(council())
                    .when(new ScheduleSession(INSTANCE, SESSION, Caller.tenant(VALMONT), MONDAY, AGENDA, null, null,
                            LocalDate.parse("2026-03-17"), false))
                    .expectException(InvalidInputException.class)
                    .expectNoEvents();
        }

        @Test
        void anItemArbitratesEachLineOrProjectOnce() {
            UUID project = UUID.randomUUID();
            List<AgendaItem> twice = List.of(new AgendaItem(BUDGET, AgendaItemKind.BUDGET_ARBITRATION, "Crédits", null,
                    List.of(new ArbitratedAmount(LINE, null, 1_000), new ArbitratedAmount(null, project, 2_000),
                            new ArbitratedAmount(null, project, 3_000))));
            fixture.given(council())
                    .when(new ScheduleSession(INSTANCE, SESSION, Caller.tenant(VALMONT), MONDAY, twice, null, null, CONVENED, false))
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage("agenda[0].amounts[2].projectId: " + project + " is arbitrated twice in this item")
                    .expectNoEvents();
        }

        @Test
        void onlyTheAdministeringEpciSetsUpASharedInstance() {
            fixture.givenNoPriorActivity()
                    .when(new CreateInstance(INSTANCE, Caller.tenant(VALMONT), MUTUALISATION, "Comité", InstanceKind.STRATEGIC_COMMITTEE,
                            Cadence.SEMIANNUAL, null, COUNCIL))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Quorum {

        @Test
        void theAssemblyDecidesWithMoreThanHalfOfItsVotingMembersPresent() {
            // 3 of 5 voting members: the non-voting DGS does not count.
            fixture.given(council(), scheduled(), present(true, "maire", "c1", "c2", "dgs"))
                    .when(vote(GATE, 3, 0, 0))
                    .expectEvents(decided(GATE, 3, 0, 0, 5, 3, false, false, Outcome.APPROVED));
        }

        @Test
        void theAssemblyCannotDecideWithHalfItsMembers() {
            fixture.given(council(), scheduled(), present(false, "maire", "c1", "dgs"))
                    .when(vote(GATE, 2, 0, 0))
                    .expectException(BusinessRuleViolationException.class)
                    .expectException(Matchers.predicate(e -> ((BusinessRuleViolationException) e).rule().equals("quorum-not-reached")))
                    .expectNoEvents();
        }

        @Test
        void theRollCallSaysWhetherQuorumIsReached() {
            fixture.given(council(), scheduled())
                    .when(new RecordAttendance(INSTANCE, SESSION, Caller.tenant(VALMONT), Set.of("c2", "maire", "dgs"), null))
                    .expectEvents(present(false, "c2", "dgs", "maire"));
            fixture.given(council(), scheduled())
                    .when(new RecordAttendance(INSTANCE, SESSION, Caller.tenant(VALMONT), Set.of("c2", "maire", "c3"), null))
                    .expectEvents(present(true, "c2", "c3", "maire"));
        }

        @Test
        void onlyMembersAttend() {
            fixture.given(council(), scheduled())
                    .when(new RecordAttendance(INSTANCE, SESSION, Caller.tenant(VALMONT), Set.of("maire", "stranger"), null))
                    .expectException(BusinessRuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aSteeringInstanceUsesItsOwnFraction() {
            // Two thirds of 5 voting members is 3.33: 3 present is not enough, 4 is.
            BigDecimal twoThirds = new BigDecimal("0.66667");
            fixture.given(committee(twoThirds), scheduled(), present(false, "maire", "c1", "c2"))
                    .when(vote(GATE, 3, 0, 0))
                    .expectException(BusinessRuleViolationException.class)
                    .expectNoEvents();
            fixture.given(committee(twoThirds), scheduled(), present(true, "maire", "c1", "c2", "c3"))
                    .when(vote(GATE, 3, 1, 0))
                    .expectEvents(decided(GATE, 3, 1, 0, 5, 4, false, false, Outcome.APPROVED));
        }

        @Test
        void aSteeringInstanceByDefaultNeedsMoreThanHalf() {
            fixture.given(committee(new BigDecimal("0.5")), scheduled(), present(false, "maire", "c1"))
                    .when(vote(GATE, 2, 0, 0))
                    .expectException(BusinessRuleViolationException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Reconvening {

        static final UUID RECONVENED = UUID.randomUUID();

        private SessionClosed closedWithoutQuorum() {
            return new SessionClosed(INSTANCE, SESSION, Owner.tenant(VALMONT), LocalDate.of(2026, 3, 16), false, 0, "PV");
        }

        @Test
        void aSessionReconvenedThreeDaysAfterOneWithoutQuorumNeedsNoQuorum() {
            Instant thursday = MONDAY.plus(Duration.ofDays(3));
            fixture.given(council(), scheduled(), present(false, "maire"), closedWithoutQuorum())
                    .when(new ScheduleSession(INSTANCE, RECONVENED, Caller.tenant(VALMONT), thursday, AGENDA, SESSION, null, CONVENED, false))
                    .expectEvents(new SessionScheduled(INSTANCE, RECONVENED, thursday, AGENDA, SESSION, true, Owner.tenant(VALMONT), InstanceKind.DELIBERATIVE_ASSEMBLY, CONVENED, false));
            fixture.given(council(), scheduled(), present(false, "maire"), closedWithoutQuorum(),
                            new SessionScheduled(INSTANCE, RECONVENED, thursday, AGENDA, SESSION, true, Owner.tenant(VALMONT), InstanceKind.DELIBERATIVE_ASSEMBLY, CONVENED, false),
                            new AttendanceRecorded(INSTANCE, RECONVENED, List.of("maire", "c1"), false))
                    .when(new RecordDecision(INSTANCE, RECONVENED, Caller.tenant(VALMONT), DECISION, GATE, 2, 0, 0, false, false, null, null))
                    .expectEvents(new DecisionRecorded(INSTANCE, RECONVENED, DECISION, GATE, 2, 0, 0, 5, 2, false,
                            false, Outcome.APPROVED));
        }

        @Test
        void aSessionReconvenedTooSoonIsRefused() {
            Instant tooSoon = MONDAY.plus(Duration.ofDays(3)).minusSeconds(60);
            fixture.given(council(), scheduled(), present(false, "maire"), closedWithoutQuorum())
                    .when(new ScheduleSession(INSTANCE, RECONVENED, Caller.tenant(VALMONT), tooSoon, AGENDA, SESSION, null, CONVENED, false))
                    .expectException(BusinessRuleViolationException.class)
                    .expectExceptionMessage("A re-convened séance sits at least 3 days after the one that lacked quorum")
                    .expectNoEvents();
        }

        @Test
        void onlyASessionThatLackedQuorumIsReconvened() {
            Instant later = MONDAY.plus(Duration.ofDays(7));
            fixture.given(council(), scheduled(), present(true, "maire", "c1", "c2"),
                            new SessionClosed(INSTANCE, SESSION, Owner.tenant(VALMONT), LocalDate.of(2026, 3, 16), true, 0, "PV"))
                    .when(new ScheduleSession(INSTANCE, RECONVENED, Caller.tenant(VALMONT), later, AGENDA, SESSION, null, CONVENED, false))
                    .expectException(BusinessRuleViolationException.class)
                    .expectNoEvents();
            fixture.given(council(), scheduled(), present(false, "maire"))
                    .when(new ScheduleSession(INSTANCE, RECONVENED, Caller.tenant(VALMONT), later, AGENDA, SESSION, null, CONVENED, false))
                    .expectException(BusinessRuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void steeringInstancesAreNotReconvenedWithoutQuorum() {
            fixture.given(committee(new BigDecimal("0.5")), scheduled(), present(false, "maire"), closedWithoutQuorum())
                    .when(new ScheduleSession(INSTANCE, RECONVENED, Caller.tenant(VALMONT), MONDAY.plus(Duration.ofDays(4)), AGENDA,
                            SESSION, null, CONVENED, false))
                    .expectException(BusinessRuleViolationException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Majority {

        @Test
        void abstentionsAreNotVotesCast() {
            // 2 for, 1 against, 2 abstentions: 2 of 3 votes cast is an absolute majority.
            fixture.given(council(), scheduled(), present(true, "maire", "c1", "c2", "c3", "c4"))
                    .when(vote(GATE, 2, 1, 2))
                    .expectEvents(decided(GATE, 2, 1, 2, 5, 5, false, false, Outcome.APPROVED))
                    .expectResultMessagePayload(new DecisionTaken(DECISION, Outcome.APPROVED, 3L));
        }

        @Test
        void withoutAbsoluteMajorityTheProposalIsRejected() {
            fixture.given(council(), scheduled(), present(true, "maire", "c1", "c2", "c3", "c4"))
                    .when(vote(GATE, 1, 3, 1))
                    .expectEvents(decided(GATE, 1, 3, 1, 5, 5, false, false, Outcome.REJECTED));
        }

        @Test
        void votesCannotExceedTheVotingMembersPresent() {
            fixture.given(council(), scheduled(), present(true, "maire", "c1", "c2", "dgs"))
                    .when(vote(GATE, 3, 1, 0))
                    .expectException(BusinessRuleViolationException.class)
                    .expectExceptionMessage("4 votes and abstentions for 3 voting members present")
                    .expectNoEvents();
        }

        @Test
        void aCountBeyondTheVotersPresentIsRefusedWhateverItsSumWrapsTo() {
            // 1 + 2147483647 + 5 wraps to 4 in 32 bits: four members present, and a rejection would read as approved.
            fixture.given(council(), scheduled(), present(true, "maire", "c1", "c2", "c3"))
                    .when(vote(GATE, 1, Integer.MAX_VALUE, 5))
                    .expectException(BusinessRuleViolationException.class)
                    .expectExceptionMessage("votesAgainst counts 2147483647 for 4 voting members present")
                    .expectNoEvents();
            fixture.given(council(), scheduled(), present(true, "maire", "c1", "c2", "c3"))
                    .when(vote(GATE, Integer.MAX_VALUE, Integer.MAX_VALUE, 2))
                    .expectException(BusinessRuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void theChairsVoteDecidesATie() {
            fixture.given(council(), scheduled(), present(true, "maire", "c1", "c2", "c3"))
                    .when(new RecordDecision(INSTANCE, SESSION, Caller.tenant(VALMONT), DECISION, GATE, 2, 2, 0, false, false,
                            ChairVote.FOR, null))
                    .expectEvents(decided(GATE, 2, 2, 0, 5, 4, false, true, Outcome.APPROVED));
            fixture.given(council(), scheduled(), present(true, "maire", "c1", "c2", "c3"))
                    .when(new RecordDecision(INSTANCE, SESSION, Caller.tenant(VALMONT), DECISION, GATE, 2, 2, 0, false, false,
                            ChairVote.AGAINST, null))
                    .expectEvents(decided(GATE, 2, 2, 0, 5, 4, false, true, Outcome.REJECTED));
        }

        @Test
        void aTieNeedsToKnowHowTheChairVoted() {
            fixture.given(council(), scheduled(), present(true, "maire", "c1", "c2", "c3"))
                    .when(vote(GATE, 2, 2, 0))
                    .expectException(BusinessRuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aTieWithTheChairAbsentIsRejected() {
            fixture.given(council(), scheduled(), present(true, "c1", "c2", "c3", "c4"))
                    .when(vote(GATE, 2, 2, 0))
                    .expectEvents(decided(GATE, 2, 2, 0, 5, 4, false, false, Outcome.REJECTED));
        }

        @Test
        void inASecretBallotOfTheAssemblyATieIsRejected() {
            fixture.given(council(), scheduled(), present(true, "maire", "c1", "c2", "c3"))
                    .when(new RecordDecision(INSTANCE, SESSION, Caller.tenant(VALMONT), DECISION, GATE, 2, 2, 0, false, true,
                            ChairVote.FOR, null))
                    .expectEvents(decided(GATE, 2, 2, 0, 5, 4, true, false, Outcome.REJECTED));
        }

        @Test
        void aSteeringChairDecidesATieEvenInASecretBallot() {
            fixture.given(committee(new BigDecimal("0.5")), scheduled(), present(true, "maire", "c1", "c2", "c3"))
                    .when(new RecordDecision(INSTANCE, SESSION, Caller.tenant(VALMONT), DECISION, GATE, 2, 2, 0, false, true,
                            ChairVote.FOR, null))
                    .expectEvents(decided(GATE, 2, 2, 0, 5, 4, true, true, Outcome.APPROVED));
        }

        @Test
        void anItemMayBeDeferred() {
            fixture.given(council(), scheduled(), present(true, "maire", "c1", "c2"))
                    .when(new RecordDecision(INSTANCE, SESSION, Caller.tenant(VALMONT), DECISION, BUDGET, 0, 0, 0, true, false, null, null))
                    .expectEvents(decided(BUDGET, 0, 0, 0, 5, 3, false, false, Outcome.DEFERRED));
        }

        @Test
        void informationIsNotVotedAndAnItemIsDecidedOnce() {
            fixture.given(council(), scheduled(), present(true, "maire", "c1", "c2"))
                    .when(vote(INFO, 3, 0, 0))
                    .expectException(BusinessRuleViolationException.class)
                    .expectNoEvents();
            fixture.given(council(), scheduled(), present(true, "maire", "c1", "c2"),
                            decided(GATE, 3, 0, 0, 5, 3, false, false, Outcome.APPROVED))
                    .when(vote(GATE, 3, 0, 0))
                    .expectException(StateConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void negativeVotesAreInvalid() {
            fixture.given(council(), scheduled(), present(true, "maire", "c1", "c2"))
                    .when(vote(GATE, -1, 0, 0))
                    .expectException(InvalidInputException.class)
                    .expectNoEvents();
        }

        @Test
        void anotherTenantDoesNotSeeTheSession() {
            fixture.given(council(), scheduled(), present(true, "maire", "c1", "c2"))
                    .when(new RecordDecision(INSTANCE, SESSION, Caller.tenant(SAINT_AUBIN), DECISION, GATE, 3, 0, 0, false, false, null, null))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Closing {

        /** A séance scheduled before dates were bounded may lie beyond what a calendar can print: it closes on the bound. */
        @Test
        void aSeanceScheduledAtAnAbsurdInstantBeforeTheFixStillCloses() {
            fixture.given(council(), new SessionScheduled(INSTANCE, SESSION, java.time.Instant.MAX, AGENDA, null, false, Owner.tenant(VALMONT), InstanceKind.DELIBERATIVE_ASSEMBLY, CONVENED, false),
                            present(true, "maire", "c1", "c2"))
                    .when(new CloseSession(INSTANCE, SESSION, Caller.tenant(VALMONT), null))
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.<Object>exactSequenceOf(
                            Matchers.predicate(event -> event instanceof SessionClosed closed
                                    && closed.heldOn().equals(LocalDate.of(2200, 12, 31))
                                    && closed.minutes().startsWith("PROCÈS-VERBAL DE LA SÉANCE DU MERCREDI 31 DÉCEMBRE 2200 À 13H00")),
                            Matchers.andNoMore())));
        }

        @Test
        void closingPublishesEveryDecisionThenTheMinutes() {
            UUID budgetDecision = UUID.randomUUID();
            fixture.given(council(), scheduled(), present(true, "maire", "c1", "c2"),
                            decided(GATE, 3, 0, 0, 5, 3, false, false, Outcome.APPROVED),
                            new DecisionRecorded(INSTANCE, SESSION, budgetDecision, BUDGET, 1, 2, 0, 5, 3, false, false,
                                    Outcome.REJECTED))
                    .when(new CloseSession(INSTANCE, SESSION, Caller.tenant(VALMONT), null))
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.<Object>exactSequenceOf(
                            Matchers.equalTo(new DecisionPublished(INSTANCE, SESSION, DECISION, Owner.tenant(VALMONT),
                                    InstanceKind.DELIBERATIVE_ASSEMBLY, GATE, AgendaItemKind.PROJECT_GATE, "project-42",
                                    "Compte citoyen en ligne", Outcome.APPROVED, 3, 0, 0, List.of(),
                                    LocalDate.of(2026, 3, 16))),
                            Matchers.equalTo(new DecisionPublished(INSTANCE, SESSION, budgetDecision, Owner.tenant(VALMONT),
                                    InstanceKind.DELIBERATIVE_ASSEMBLY, BUDGET, AgendaItemKind.BUDGET_ARBITRATION, null,
                                    "Crédits du SIG", Outcome.REJECTED, 1, 2, 0,
                                    List.of(new ArbitratedAmount(LINE, null, 1_250_000)), LocalDate.of(2026, 3, 16))),
                            Matchers.predicate(event -> event instanceof SessionClosed closed
                                    && closed.decisionCount() == 2 && closed.quorumReached()
                                    && closed.heldOn().equals(LocalDate.of(2026, 3, 16))
                                    && closed.minutes().startsWith("PROCÈS-VERBAL DE LA SÉANCE DU LUNDI 16 MARS 2026 À 18H00")
                                    && closed.minutes().contains("Présents (3) : Anne Roy (maire), Bruno Caron (conseiller), Chloé Petit (conseillère)")
                                    && closed.minutes().contains("1. Compte citoyen en ligne (validation de phase de projet)\n   Adopté : 3 pour, 0 contre, 0 abstention(s).")
                                    && closed.minutes().contains("2. Crédits du SIG (arbitrage budgétaire)\n   Rejeté : 1 pour, 2 contre")
                                    && closed.minutes().contains("3. Point d'avancement (information)\n   Point d'information, sans vote.")),
                            Matchers.andNoMore())));
        }

        @Test
        void decisionsAreImmutableOnceTheSessionIsClosed() {
            var closed = new SessionClosed(INSTANCE, SESSION, Owner.tenant(VALMONT), LocalDate.of(2026, 3, 16), true, 1, "PV");
            var history = new Object[]{council(), scheduled(), present(true, "maire", "c1", "c2"),
                    decided(GATE, 3, 0, 0, 5, 3, false, false, Outcome.APPROVED), closed};
            fixture.given(history).when(vote(BUDGET, 3, 0, 0))
                    .expectException(StateConflictException.class).expectNoEvents();
            fixture.given(history).when(new RecordAttendance(INSTANCE, SESSION, Caller.tenant(VALMONT), Set.of("maire"), null))
                    .expectException(StateConflictException.class).expectNoEvents();
            fixture.given(history).when(new CloseSession(INSTANCE, SESSION, Caller.tenant(VALMONT), null))
                    .expectException(StateConflictException.class).expectNoEvents();
        }
    }
}

package fr.mutualis.budget.command;

import fr.mutualis.budget.messages.BudgetLineOpened;
import fr.mutualis.budget.messages.BudgetStage;
import fr.mutualis.budget.messages.CreditsVoted;
import fr.mutualis.budget.messages.EngagementRecorded;
import fr.mutualis.budget.messages.LineCredits;
import fr.mutualis.budget.messages.LineCreditsTransferred;
import fr.mutualis.budget.messages.LineSpending;
import fr.mutualis.budget.messages.MandateRecorded;
import fr.mutualis.budget.messages.OpenBudgetLine;
import fr.mutualis.budget.messages.RecordEngagement;
import fr.mutualis.budget.messages.RecordMandate;
import fr.mutualis.budget.messages.Section;
import fr.mutualis.budget.messages.TransferCreditsIn;
import fr.mutualis.budget.messages.TransferCreditsOut;
import fr.mutualis.budget.messages.VoteCredits;
import fr.mutualis.kit.tenant.Caller;
import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.error.StateConflictException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import fr.mutualis.kit.error.NotPermittedException;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetLineTest {

    private static final Owner VALMONT = Owner.tenant("210000022");
    private static final Owner SAINT_AUBIN = Owner.tenant("210000030");
    private static final Owner CAGV = Owner.tenant("200000016");
    private static final LocalDate MARCH = LocalDate.of(2026, 3, 15);
    private final UUID lineId = UUID.randomUUID();
    private final UUID projectId = UUID.randomUUID();
    private final UUID voteId = UUID.randomUUID();
    private final UUID engagementId = UUID.randomUUID();
    private final UUID mandateId = UUID.randomUUID();
    private final UUID transferId = UUID.randomUUID();
    private final UUID otherLineId = UUID.randomUUID();
    private AggregateTestFixture<BudgetLine> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BudgetLine.class);
    }

    @Test
    void aLineIsOpenedWithItsPlannedAmount() {
        fixture.givenNoPriorActivity()
                .when(open(Section.INVESTMENT, "20"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetLineOpened(lineId, VALMONT, 2026, Section.INVESTMENT, "20",
                        "Logiciel financier", projectId, 1_500_000, null))
                .expectState(line -> {
                    assertThat(line.ownerId()).isEqualTo(VALMONT);
                    assertThat(line.section()).isEqualTo(Section.INVESTMENT);
                });
    }

    @ParameterizedTest
    @CsvSource({"INVESTMENT, 20", "INVESTMENT, 204", "INVESTMENT, 21", "INVESTMENT, 23",
            "OPERATING, 011", "OPERATING, 012", "OPERATING, 65"})
    void everyAcceptedChapterOpensALine(Section section, String chapter) {
        fixture.givenNoPriorActivity()
                .when(open(section, chapter))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aChapterOfNoSectionIsRejected() {
        fixture.givenNoPriorActivity()
                .when(open(Section.INVESTMENT, "99"))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("Chapter 99 is not a chapter of the INVESTMENT section; accepted chapters: 20, 204, 21, 23")
                .expectNoEvents();
    }

    @Test
    void staffCostsAreNotAnInvestment() {
        fixture.givenNoPriorActivity()
                .when(open(Section.INVESTMENT, "012"))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void hardwareIsNotAnOperatingCost() {
        fixture.givenNoPriorActivity()
                .when(open(Section.OPERATING, "21"))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("Chapter 21 is not a chapter of the OPERATING section; accepted chapters: 011, 012, 65")
                .expectNoEvents();
    }

    // Votes

    @Test
    void aBpVoteSetsTheCredits() {
        fixture.given(opened())
                .when(vote(BudgetStage.BP, 1_000_000))
                .expectEvents(new CreditsVoted(lineId, VALMONT, voteId, 2026, Section.INVESTMENT, BudgetStage.BP, 1_000_000, 0))
                .expectState(line -> assertThat(line.creditsCents()).isEqualTo(1_000_000));
    }

    @Test
    void laterStagesAmendTheCreditsAndKeepWhatTheyAmended() {
        fixture.given(opened(), voted(BudgetStage.BP, 1_000_000), voted(BudgetStage.BS, 1_200_000), voted(BudgetStage.DM, 900_000))
                .when(vote(BudgetStage.DM, 950_000))
                .expectEvents(new CreditsVoted(lineId, VALMONT, voteId, 2026, Section.INVESTMENT, BudgetStage.DM, 950_000, 900_000))
                .expectState(line -> assertThat(line.creditsCents()).isEqualTo(950_000));
    }

    @Test
    void aLineOpenedDuringTheYearGetsItsFirstCreditsByADm() {
        fixture.given(opened())
                .when(vote(BudgetStage.DM, 300_000))
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest
    @CsvSource({"BP, BP", "BS, BP", "BS, BS", "DM, BP", "DM, BS", "CA, BP", "CA, BS", "CA, DM", "CA, CA"})
    void stagesNeverGoBackAndNothingFollowsTheCa(BudgetStage last, BudgetStage next) {
        fixture.given(opened(), voted(BudgetStage.BP, 100), voted(last, 100))
                .when(vote(next, 200))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aCaNeedsAPriorVote() {
        fixture.given(opened())
                .when(vote(BudgetStage.CA, 100))
                .expectException(StateConflictException.class)
                .expectExceptionMessage("A CA vote cannot follow no vote on line " + lineId)
                .expectNoEvents();
    }

    @Test
    void aVoteOfAnotherFiscalYearIsRefused() {
        fixture.given(opened())
                .when(new VoteCredits(lineId, Caller.tenant(VALMONT.id()), voteId, 2027, BudgetStage.BP, 100))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("Line " + lineId + " belongs to fiscal year 2026, not to the 2027 vote")
                .expectNoEvents();
    }

    @Test
    void anotherTenantCannotVoteOnTheLine() {
        fixture.given(opened())
                .when(new VoteCredits(lineId, Caller.tenant(SAINT_AUBIN.id()), voteId, 2026, BudgetStage.BP, 100))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void creditsCannotDropBelowWhatIsEngaged() {
        fixture.given(opened(), voted(BudgetStage.BP, 1_000), engaged(engagementId, 800))
                .when(vote(BudgetStage.DM, 799))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("Credits of 799 cents would be lower than the 800 cents already engaged on line " + lineId)
                .expectNoEvents();
        fixture.given(opened(), voted(BudgetStage.BP, 1_000), engaged(engagementId, 800))
                .when(vote(BudgetStage.DM, 800))
                .expectSuccessfulHandlerExecution();
    }

    // Spending chain

    @Test
    void anEngagementWithinTheCreditsIsRecorded() {
        fixture.given(opened(), voted(BudgetStage.BP, 1_000))
                .when(engage(1_000))
                .expectEvents(new EngagementRecorded(engagementId, lineId, VALMONT, 2026, Section.INVESTMENT, projectId, null,
                        1_000, "BC-2026-001", MARCH))
                .expectResultMessagePayload(new LineSpending(VALMONT, null, 2026))
                .expectState(line -> assertThat(line.engagedCents()).isEqualTo(1_000));
    }

    @Test
    void engagementsCannotExceedTheVotedCreditsTogether() {
        fixture.given(opened(), voted(BudgetStage.BP, 1_000), engaged(UUID.randomUUID(), 600))
                .when(engage(401))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("Engaging 401 cents would exceed the voted credits of line " + lineId
                        + ": voted 1000, already engaged 600, available 400")
                .expectNoEvents();
    }

    @Test
    void nothingCanBeEngagedBeforeAVote() {
        fixture.given(opened())
                .when(engage(1))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void anEngagementIsDatedInTheLinesFiscalYear() {
        fixture.given(opened(), voted(BudgetStage.BP, 1_000))
                .when(new RecordEngagement(lineId, Caller.tenant(VALMONT.id()), engagementId, 10, "BC", LocalDate.of(2025, 12, 31), null))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("An engagement on a 2026 line must be dated in 2026, not 2025-12-31")
                .expectNoEvents();
    }

    @Test
    void anEngagementOnALineOfAProgrammeAsksToChargeTheProgramme() {
        UUID programmeId = UUID.randomUUID();
        fixture.given(new BudgetLineOpened(lineId, VALMONT, 2026, Section.INVESTMENT, "20", "SIG", projectId, 0, programmeId),
                        voted(BudgetStage.BP, 1_000))
                .when(engage(500))
                .expectResultMessagePayload(new LineSpending(VALMONT, programmeId, 2026));
    }

    @Test
    void anEngagementBasedOnAStaleReadOfTheLineIsRefused() {
        fixture.given(opened(), voted(BudgetStage.BP, 1_000), voted(BudgetStage.DM, 500))
                .when(new RecordEngagement(lineId, Caller.tenant(VALMONT.id()), engagementId, 100, "BC", MARCH, 1L))
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class)
                .expectNoEvents();
        fixture.given(opened(), voted(BudgetStage.BP, 1_000), voted(BudgetStage.DM, 500))
                .when(new RecordEngagement(lineId, Caller.tenant(VALMONT.id()), engagementId, 100, "BC", MARCH, 2L))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aClosedLineTakesNoMoreEngagementsOrMandates() {
        fixture.given(opened(), voted(BudgetStage.BP, 1_000), engaged(engagementId, 500), voted(BudgetStage.CA, 1_000))
                .when(engage(10))
                .expectException(StateConflictException.class)
                .expectNoEvents();
        fixture.given(opened(), voted(BudgetStage.BP, 1_000), engaged(engagementId, 500), voted(BudgetStage.CA, 1_000))
                .when(mandate(engagementId, 10))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aMandateWithinItsEngagementIsRecorded() {
        fixture.given(opened(), voted(BudgetStage.BP, 1_000), engaged(engagementId, 500), mandated(engagementId, 200))
                .when(mandate(engagementId, 300))
                .expectEvents(new MandateRecorded(mandateId, engagementId, lineId, VALMONT, 2026, Section.INVESTMENT,
                        projectId, null, 300, "M-42", MARCH))
                .expectState(line -> assertThat(line.mandatedByEngagement()).containsEntry(engagementId, 500L));
    }

    @Test
    void mandatesCannotExceedTheirEngagement() {
        fixture.given(opened(), voted(BudgetStage.BP, 1_000), engaged(engagementId, 500), mandated(engagementId, 200))
                .when(mandate(engagementId, 301))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("Mandating 301 cents would exceed engagement " + engagementId
                        + ": engaged 500, already mandated 200, available 300")
                .expectNoEvents();
    }

    @Test
    void aMandateNeedsAnEngagementOfTheLine() {
        fixture.given(opened(), voted(BudgetStage.BP, 1_000))
                .when(mandate(UUID.randomUUID(), 1))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void anotherTenantCannotSpendOnTheLine() {
        fixture.given(opened(), voted(BudgetStage.BP, 1_000), engaged(engagementId, 500))
                .when(new RecordEngagement(lineId, Caller.tenant(SAINT_AUBIN.id()), UUID.randomUUID(), 1, "BC", MARCH, null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
        fixture.given(opened(), voted(BudgetStage.BP, 1_000), engaged(engagementId, 500))
                .when(new RecordMandate(lineId, Caller.tenant(SAINT_AUBIN.id()), engagementId, mandateId, 1, "M", MARCH))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aMutualisationsLineIsManagedByTheAdministeringEpciAndOnlySeenByItsMembers() {
        Owner shared = Owner.mutualisation(UUID.randomUUID());
        BudgetLineOpened sharedLine = new BudgetLineOpened(lineId, shared, 2026, Section.OPERATING, "011", "DSI commune",
                null, 10_000, null);
        Caller epciAdmin = new Caller(CAGV, Set.of(Caller.SHARED_SERVICE_ADMIN), Set.of(CAGV, shared), Set.of(CAGV, shared),
                Map.of());
        Caller member = new Caller(VALMONT, Set.of("AGENT"), Set.of(VALMONT, shared), Set.of(VALMONT), Map.of());
        fixture.given(sharedLine, voted(BudgetStage.BP, 1_000))
                .when(new RecordEngagement(lineId, epciAdmin, engagementId, 400, "BC", MARCH, null))
                .expectEvents(new EngagementRecorded(engagementId, lineId, shared, 2026, Section.OPERATING, null, null, 400, "BC", MARCH))
                .expectResultMessagePayload(new LineSpending(shared, null, 2026));
        fixture.given(sharedLine, voted(BudgetStage.BP, 1_000))
                .when(new RecordEngagement(lineId, member, engagementId, 400, "BC", MARCH, null))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
        fixture.given(sharedLine)
                .when(new VoteCredits(lineId, member, voteId, 2026, BudgetStage.BP, 5))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
        fixture.given(sharedLine, voted(BudgetStage.BP, 1_000))
                .when(new RecordEngagement(lineId, Caller.tenant(SAINT_AUBIN.id()), engagementId, 1, "BC", MARCH, null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    // Transfers: the line's side (the budget of the year checks section, staff costs and rate: BudgetYearTest)

    @Test
    void aVoteAnswersTheLinesNewCreditsForTheBudgetOfTheYear() {
        fixture.given(opened())
                .when(vote(BudgetStage.BP, 1_000))
                .expectResultMessagePayload(new LineCredits(lineId, VALMONT, 2026, Section.INVESTMENT, "20", 1_000));
    }

    @Test
    void creditsNotEngagedCanBeTransferredOut() {
        fixture.given(opened(), voted(BudgetStage.BP, 1_000), engaged(engagementId, 600))
                .when(transferOut(400))
                .expectEvents(new LineCreditsTransferred(lineId, VALMONT, 2026, Section.INVESTMENT, "20", transferId,
                        otherLineId, -400, 600, MARCH))
                .expectResultMessagePayload(new LineCredits(lineId, VALMONT, 2026, Section.INVESTMENT, "20", 600))
                .expectState(line -> assertThat(line.creditsCents()).isEqualTo(600));
    }

    @Test
    void aTransferOutCannotTakeEngagedCredits() {
        fixture.given(opened(), voted(BudgetStage.BP, 1_000), engaged(engagementId, 600))
                .when(transferOut(401))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("Transferring 401 cents out of line " + lineId
                        + " would leave its credits below what is engaged: credits 1000, engaged 600, available 400")
                .expectNoEvents();
    }

    @Test
    void creditsTransferredInCanBeEngaged() {
        fixture.given(opened(), voted(BudgetStage.BP, 1_000), engaged(engagementId, 1_000), transferredIn(500, 1_500))
                .when(engage(500))
                .expectSuccessfulHandlerExecution();
        fixture.given(opened(), voted(BudgetStage.BP, 1_000), engaged(engagementId, 1_000), transferredIn(500, 1_500))
                .when(engage(501))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aTransferInAddsToTheCredits() {
        fixture.given(opened(), voted(BudgetStage.BP, 1_000))
                .when(new TransferCreditsIn(lineId, Caller.tenant(VALMONT.id()), transferId, otherLineId, 250, MARCH))
                .expectEvents(new LineCreditsTransferred(lineId, VALMONT, 2026, Section.INVESTMENT, "20", transferId,
                        otherLineId, 250, 1_250, MARCH))
                .expectResultMessagePayload(new LineCredits(lineId, VALMONT, 2026, Section.INVESTMENT, "20", 1_250));
    }

    @Test
    void aLaterVoteAmendsTheCreditsAsTransferred() {
        fixture.given(opened(), voted(BudgetStage.BP, 1_000), transferredIn(500, 1_500))
                .when(vote(BudgetStage.DM, 2_000))
                .expectEvents(new CreditsVoted(lineId, VALMONT, voteId, 2026, Section.INVESTMENT, BudgetStage.DM, 2_000, 1_500));
    }

    @Test
    void noTransferTouchesALineBeforeItsFirstVote() {
        fixture.given(opened())
                .when(transferOut(1))
                .expectException(StateConflictException.class)
                .expectExceptionMessage("Line " + lineId + " has no voted credits yet: no transfer before its first vote")
                .expectNoEvents();
        fixture.given(opened())
                .when(new TransferCreditsIn(lineId, Caller.tenant(VALMONT.id()), transferId, otherLineId, 1, MARCH))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void noTransferTouchesALineClosedByItsCa() {
        fixture.given(opened(), voted(BudgetStage.BP, 1_000), voted(BudgetStage.CA, 1_000))
                .when(new TransferCreditsIn(lineId, Caller.tenant(VALMONT.id()), transferId, otherLineId, 1, MARCH))
                .expectException(StateConflictException.class)
                .expectExceptionMessage("Line " + lineId + " is closed by its CA: no further transfer")
                .expectNoEvents();
    }

    @Test
    void aTransferIsDatedInTheLinesFiscalYear() {
        fixture.given(opened(), voted(BudgetStage.BP, 1_000))
                .when(new TransferCreditsOut(lineId, Caller.tenant(VALMONT.id()), transferId, otherLineId, 1, LocalDate.of(2027, 1, 4)))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("A transfer on a 2026 line must be dated in 2026, not 2027-01-04")
                .expectNoEvents();
    }

    @Test
    void anotherTenantCannotTransferTheLinesCredits() {
        fixture.given(opened(), voted(BudgetStage.BP, 1_000))
                .when(new TransferCreditsOut(lineId, Caller.tenant(SAINT_AUBIN.id()), transferId, otherLineId, 1, MARCH))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    private TransferCreditsOut transferOut(long amount) {
        return new TransferCreditsOut(lineId, Caller.tenant(VALMONT.id()), transferId, otherLineId, amount, MARCH);
    }

    private LineCreditsTransferred transferredIn(long amount, long creditsAfter) {
        return new LineCreditsTransferred(lineId, VALMONT, 2026, Section.INVESTMENT, "20", UUID.randomUUID(), otherLineId,
                amount, creditsAfter, MARCH);
    }

    private OpenBudgetLine open(Section section, String chapter) {
        return new OpenBudgetLine(lineId, VALMONT, 2026, section, chapter, "Logiciel financier", projectId, 1_500_000, null);
    }

    private BudgetLineOpened opened() {
        return new BudgetLineOpened(lineId, VALMONT, 2026, Section.INVESTMENT, "20", "Logiciel financier", projectId, 1_500_000, null);
    }

    private VoteCredits vote(BudgetStage stage, long credits) {
        return new VoteCredits(lineId, Caller.tenant(VALMONT.id()), voteId, 2026, stage, credits);
    }

    private CreditsVoted voted(BudgetStage stage, long credits) {
        return new CreditsVoted(lineId, VALMONT, UUID.randomUUID(), 2026, Section.INVESTMENT, stage, credits, 0);
    }

    private RecordEngagement engage(long amount) {
        return new RecordEngagement(lineId, Caller.tenant(VALMONT.id()), engagementId, amount, "BC-2026-001", MARCH, null);
    }

    private EngagementRecorded engaged(UUID id, long amount) {
        return new EngagementRecorded(id, lineId, VALMONT, 2026, Section.INVESTMENT, projectId, null, amount, "BC", MARCH);
    }

    private RecordMandate mandate(UUID engagement, long amount) {
        return new RecordMandate(lineId, Caller.tenant(VALMONT.id()), engagement, mandateId, amount, "M-42", MARCH);
    }

    private MandateRecorded mandated(UUID engagement, long amount) {
        return new MandateRecorded(UUID.randomUUID(), engagement, lineId, VALMONT, 2026, Section.INVESTMENT, projectId, null,
                amount, "M", MARCH);
    }
}

package fr.mutualis.budget.command;

import fr.mutualis.budget.messages.BudgetYears;
import fr.mutualis.budget.messages.BudgetStage;
import fr.mutualis.budget.messages.CreditTransferMade;
import fr.mutualis.budget.messages.LineCredits;
import fr.mutualis.budget.messages.MakeCreditTransfer;
import fr.mutualis.budget.messages.RecordVote;
import fr.mutualis.budget.messages.Section;
import fr.mutualis.budget.messages.TransferRatesVoted;
import fr.mutualis.budget.messages.VoteRecorded;
import fr.mutualis.budget.messages.VoteTransferRates;
import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DOMAIN.md §3: transfers between chapters of one section are allowed up to the rate the assembly voted (at most
 * 7.5 % of the section's real expenditure), never into or out of staff costs (012).
 */
class BudgetYearTest {

    private static final Owner VALMONT = Owner.tenant("210000022");
    private static final Owner SAINT_AUBIN = Owner.tenant("210000030");
    private static final LocalDate JUNE = LocalDate.of(2026, 6, 15);
    private final UUID yearId = BudgetYears.idOf(VALMONT, 2026);
    private final UUID software = UUID.randomUUID();
    private final UUID hardware = UUID.randomUUID();
    private final UUID works = UUID.randomUUID();
    private final UUID generalCharges = UUID.randomUUID();
    private final UUID staff = UUID.randomUUID();
    private final UUID otherStaff = UUID.randomUUID();
    private final UUID transferId = UUID.randomUUID();
    private AggregateTestFixture<BudgetYear> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BudgetYear.class);
    }

    @Test
    void theIdOfABudgetYearDerivesFromItsOwnerAndYear() {
        assertThat(BudgetYears.idOf(VALMONT, 2026)).isEqualTo(yearId)
                .isNotEqualTo(BudgetYears.idOf(VALMONT, 2027))
                .isNotEqualTo(BudgetYears.idOf(SAINT_AUBIN, 2026));
    }

    // The delegation

    @Test
    void theAssemblyDelegatesARatePerSection() {
        UUID ratesVoteId = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new VoteTransferRates(yearId, VALMONT, 2026, ratesVoteId, 750, 500, "DEL-2026-014"))
                .expectEvents(new TransferRatesVoted(yearId, VALMONT, 2026, ratesVoteId, 750, 500, "DEL-2026-014"));
    }

    @ParameterizedTest
    @CsvSource({"751, 0, 7.51", "0, 751, 7.51", "10000, 0, 100", "-1, 0, -0.01"})
    void noRateGoesBeyondTheLegalMaximumOfSevenAndAHalfPercent(int investment, int operating, String refused) {
        fixture.givenNoPriorActivity()
                .when(new VoteTransferRates(yearId, VALMONT, 2026, UUID.randomUUID(), investment, operating, "DEL"))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("at most 7.5 % of its real expenditure, not "
                        + new BigDecimal(refused).stripTrailingZeros().toPlainString() + " %"))
                .expectNoEvents();
    }

    @Test
    void aLaterDeliberationReplacesTheRates() {
        fixture.given(rates(750, 750), votes(line(software, "20", 1_000_000), line(hardware, "21", 1_000_000)))
                .andGiven(new TransferRatesVoted(yearId, VALMONT, 2026, UUID.randomUUID(), 100, 750, "DEL-2"))
                .when(transfer(hardware, "21", software, "20", 20_001))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    // The ceiling

    @Test
    void aTransferBetweenChaptersWithinTheCeilingIsMade() {
        fixture.given(rates(750, 750), votes(line(software, "20", 1_000_000), line(hardware, "21", 600_000)))
                .when(transfer(hardware, "21", software, "20", 120_000))
                .expectEvents(new CreditTransferMade(yearId, VALMONT, 2026, transferId, Section.INVESTMENT, hardware, "21",
                        software, "20", 120_000, 120_000, "Renouvellement du parc reporté", JUNE))
                .expectState(year -> {
                    assertThat(year.transferredOf(Section.INVESTMENT)).isEqualTo(120_000);
                    assertThat(year.creditsOf(Section.INVESTMENT)).as("a transfer keeps the section's expenditure")
                            .isEqualTo(1_600_000);
                });
    }

    @Test
    void transfersOfTheYearTogetherStayWithinTheCeiling() {
        // 7.5 % of 1,600,000 = 120,000; 100,000 already moved.
        fixture.given(rates(750, 750), votes(line(software, "20", 1_000_000), line(hardware, "21", 600_000)),
                        made(hardware, "21", software, "20", 100_000))
                .when(transfer(software, "20", hardware, "21", 20_001))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("Transferring 20001 cents between chapters would exceed the delegated 7.5 % of the "
                        + "INVESTMENT section's real expenditure: ceiling 120000 cents of 1600000, already transferred "
                        + "100000, remaining 20000")
                .expectNoEvents();
        fixture.given(rates(750, 750), votes(line(software, "20", 1_000_000), line(hardware, "21", 600_000)),
                        made(hardware, "21", software, "20", 100_000))
                .when(transfer(software, "20", hardware, "21", 20_000))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theCeilingIsRoundedDownToTheCent() {
        // 7.5 % of 1,000,001 cents = 75,000.075 cents
        fixture.given(rates(750, 750), votes(line(software, "20", 500_001), line(hardware, "21", 500_000)))
                .when(transfer(hardware, "21", software, "20", 75_001))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
        assertThat(BudgetYears.ceiling(1_000_001, 750)).isEqualTo(75_000);
    }

    @Test
    void theCeilingFollowsTheSectionsCreditsAsLaterVotesChangeThem() {
        // The DM lowers the section to 1,000,000: the ceiling falls from 120,000 to 75,000.
        fixture.given(rates(750, 750), votes(line(software, "20", 1_000_000), line(hardware, "21", 600_000)),
                        votes(line(hardware, "21", 0)))
                .when(transfer(software, "20", works, "23", 75_001))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("ceiling 75000 cents of 1000000"))
                .expectNoEvents();
    }

    @Test
    void eachSectionHasItsOwnRateAndCeiling() {
        // Operating: 1 % of 2,000,000 = 20,000, whatever the investment section allows.
        fixture.given(rates(750, 100), votes(line(software, "20", 1_000_000), line(hardware, "21", 1_000_000),
                        line(generalCharges, "011", 1_000_000), operatingLine(UUID.randomUUID(), "65", 1_000_000)))
                .when(new MakeCreditTransfer(yearId, VALMONT, 2026, transferId,
                        operatingLine(generalCharges, "011", 979_999), operatingLine(UUID.randomUUID(), "65", 1_020_001),
                        20_001, "Subvention", JUNE))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("delegated 1 % of the OPERATING section"))
                .expectNoEvents();
    }

    @Test
    void withoutADelegationNothingMovesBetweenChapters() {
        fixture.given(votes(line(software, "20", 1_000_000), line(hardware, "21", 600_000)))
                .when(transfer(hardware, "21", software, "20", 1))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("The assembly delegated no transfers between chapters of the INVESTMENT section for 2026")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(transfer(hardware, "21", software, "20", 1))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("The assembly delegated no transfers between chapters of the INVESTMENT section for 2026")
                .expectNoEvents();
        fixture.given(rates(0, 750), votes(line(software, "20", 1_000_000), line(hardware, "21", 600_000)))
                .when(transfer(hardware, "21", software, "20", 1))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    // Staff costs

    @Test
    void nothingMovesOutOfStaffCosts() {
        fixture.given(rates(750, 750), votes(operatingLine(staff, "012", 5_000_000), operatingLine(generalCharges, "011", 1_000_000)))
                .when(new MakeCreditTransfer(yearId, VALMONT, 2026, transferId, operatingLine(staff, "012", 4_999_000),
                        operatingLine(generalCharges, "011", 1_001_000), 1_000, "Vacance de poste", JUNE))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("No transfer goes into or out of staff costs (chapter 012): chapter 012 to chapter 011")
                .expectNoEvents();
    }

    @Test
    void nothingMovesIntoStaffCosts() {
        fixture.given(rates(750, 750), votes(operatingLine(staff, "012", 5_000_000), operatingLine(generalCharges, "011", 1_000_000)))
                .when(new MakeCreditTransfer(yearId, VALMONT, 2026, transferId, operatingLine(generalCharges, "011", 999_000),
                        operatingLine(staff, "012", 5_001_000), 1_000, "Renfort", JUNE))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("No transfer goes into or out of staff costs (chapter 012): chapter 011 to chapter 012")
                .expectNoEvents();
    }

    // Within one chapter, credits are voted together: moving them between its lines is not a transfer between chapters.

    @Test
    void linesOfOneChapterShareTheirCreditsWithoutUsingTheRate() {
        UUID otherSoftware = UUID.randomUUID();
        fixture.given(votes(line(software, "20", 1_000_000), line(otherSoftware, "20", 0)))
                .when(transfer(software, "20", otherSoftware, "20", 400_000))
                .expectEvents(new CreditTransferMade(yearId, VALMONT, 2026, transferId, Section.INVESTMENT, software, "20",
                        otherSoftware, "20", 400_000, 0, "Renouvellement du parc reporté", JUNE))
                .expectState(year -> assertThat(year.transferredOf(Section.INVESTMENT)).isZero());
    }

    @Test
    void staffCostsLinesShareTheirCreditsWithinTheirChapter() {
        fixture.given(votes(operatingLine(staff, "012", 5_000_000), operatingLine(otherStaff, "012", 1_000_000)))
                .when(new MakeCreditTransfer(yearId, VALMONT, 2026, transferId, operatingLine(staff, "012", 4_900_000),
                        operatingLine(otherStaff, "012", 1_100_000), 100_000, "Apprentis", JUNE))
                .expectSuccessfulHandlerExecution();
    }

    // One section, one budget

    @Test
    void creditsDoNotMoveBetweenSections() {
        fixture.given(rates(750, 750), votes(line(software, "20", 1_000_000), operatingLine(generalCharges, "011", 1_000_000)))
                .when(new MakeCreditTransfer(yearId, VALMONT, 2026, transferId, operatingLine(generalCharges, "011", 999_000),
                        line(software, "20", 1_001_000), 1_000, "Licences", JUNE))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("Credits move only between chapters of one section: line " + generalCharges
                        + " is in the OPERATING section, line " + software + " in the INVESTMENT section")
                .expectNoEvents();
    }

    @Test
    void creditsDoNotMoveBetweenBudgets() {
        LineCredits theirs = new LineCredits(UUID.randomUUID(), SAINT_AUBIN, 2026, Section.INVESTMENT, "21", 1_000);
        fixture.given(rates(750, 750), votes(line(software, "20", 1_000_000)))
                .when(new MakeCreditTransfer(yearId, VALMONT, 2026, transferId, line(software, "20", 999_000), theirs, 1_000,
                        "x", JUNE))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    // Votes

    @Test
    void aVoteRecordsTheLinesNewCredits() {
        UUID voteId = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new RecordVote(yearId, VALMONT, 2026, voteId, BudgetStage.BP, List.of(line(software, "20", 1_000))))
                .expectEvents(new VoteRecorded(yearId, VALMONT, 2026, voteId, BudgetStage.BP, List.of(line(software, "20", 1_000))))
                .expectState(year -> assertThat(year.creditsOf(Section.INVESTMENT)).isEqualTo(1_000));
    }

    private TransferRatesVoted rates(int investment, int operating) {
        return new TransferRatesVoted(yearId, VALMONT, 2026, UUID.randomUUID(), investment, operating, "DEL-2026-014");
    }

    private VoteRecorded votes(LineCredits... lines) {
        return new VoteRecorded(yearId, VALMONT, 2026, UUID.randomUUID(), BudgetStage.BP, List.of(lines));
    }

    private LineCredits line(UUID id, String chapter, long credits) {
        return new LineCredits(id, VALMONT, 2026, Section.INVESTMENT, chapter, credits);
    }

    private LineCredits operatingLine(UUID id, String chapter, long credits) {
        return new LineCredits(id, VALMONT, 2026, Section.OPERATING, chapter, credits);
    }

    /** The lines' credits after the transfer do not matter to the ceiling: the section's total does not change. */
    private MakeCreditTransfer transfer(UUID from, String fromChapter, UUID to, String toChapter, long amount) {
        return new MakeCreditTransfer(yearId, VALMONT, 2026, transferId, line(from, fromChapter, 0), line(to, toChapter, amount),
                amount, "Renouvellement du parc reporté", JUNE);
    }

    private CreditTransferMade made(UUID from, String fromChapter, UUID to, String toChapter, long amount) {
        return new CreditTransferMade(yearId, VALMONT, 2026, UUID.randomUUID(), Section.INVESTMENT, from, fromChapter, to,
                toChapter, amount, amount, "x", JUNE);
    }
}

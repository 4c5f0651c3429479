package fr.mutualis.budget.command;

import fr.mutualis.budget.messages.AttachLineToProgramme;
import fr.mutualis.budget.messages.CpSchedule;
import fr.mutualis.budget.messages.CreateProgramme;
import fr.mutualis.budget.messages.EngageProgramme;
import fr.mutualis.budget.messages.LineAttachedToProgramme;
import fr.mutualis.budget.messages.MandateUnderProgramme;
import fr.mutualis.budget.messages.ProgrammeCreated;
import fr.mutualis.budget.messages.ProgrammeEngaged;
import fr.mutualis.budget.messages.ProgrammeMandated;
import fr.mutualis.budget.messages.ProgrammeRevised;
import fr.mutualis.budget.messages.ReviseProgramme;
import fr.mutualis.budget.messages.ScheduledCredit;
import fr.mutualis.budget.messages.Section;
import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.InvalidInputException;
import fr.mutualis.kit.error.NotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgrammeTest {

    private static final Owner VALMONT = Owner.tenant("210000022");
    private final UUID programmeId = UUID.randomUUID();
    private final UUID projectId = UUID.randomUUID();
    private final UUID lineId = UUID.randomUUID();
    private final UUID decisionId = UUID.randomUUID();
    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class);
    }

    @Test
    void aProgrammeIsAuthorisedWithAScheduleSummingToItsAmount() {
        fixture.givenNoPriorActivity()
                .when(new CreateProgramme(programmeId, VALMONT, "SIG mutualisé", "20", projectId, 9_000, schedule(2026, 3_000, 2027, 6_000)))
                .expectEvents(new ProgrammeCreated(programmeId, VALMONT, "SIG mutualisé", "20", Section.INVESTMENT, projectId, 9_000,
                        List.of(new ScheduledCredit(2026, 3_000), new ScheduledCredit(2027, 6_000))));
    }

    @Test
    void aScheduleThatDoesNotSumToTheAmountIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateProgramme(programmeId, VALMONT, "SIG", "20", null, 9_000, schedule(2026, 3_000, 2027, 5_999)))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("The CP schedule sums to 8999 cents but the programme amount is 9000 cents")
                .expectNoEvents();
    }

    @Test
    void aProgrammeIsOfAKnownChapter() {
        fixture.givenNoPriorActivity()
                .when(new CreateProgramme(programmeId, VALMONT, "SIG", "99", null, 100, schedule(2026, 100)))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("Chapter 99 is not an accepted M57 chapter")
                .expectNoEvents();
    }

    @Test
    void aScheduleNamesEachYearOnce() {
        assertThatThrownBy(() -> schedule(2026, 100, 2026, 200))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Year 2026 appears twice in the schedule");
        assertThat(schedule(2028, 1, 2026, 2).credits()).extracting(ScheduledCredit::year).containsExactly(2026, 2028);
    }

    @Test
    void aRevisionMovesUnconsumedCpToLaterYearsAndKeepsWhatItReplaced() {
        fixture.given(created(), mandated(2026, 1_000))
                .when(revise(9_000, schedule(2026, 1_000, 2027, 5_000, 2028, 3_000)))
                .expectEvents(new ProgrammeRevised(programmeId, VALMONT, 1, 9_000,
                        List.of(new ScheduledCredit(2026, 1_000), new ScheduledCredit(2027, 5_000), new ScheduledCredit(2028, 3_000)),
                        "Report des CP non consommés", decisionId, 9_000,
                        List.of(new ScheduledCredit(2026, 3_000), new ScheduledCredit(2027, 6_000))))
                .expectResultMessagePayload(1)
                .expectState(programme -> assertThat(programme.schedule()).hasSize(3));
    }

    @Test
    void aRevisionMustStillSumToTheAmount() {
        fixture.given(created())
                .when(revise(10_000, schedule(2026, 3_000, 2027, 6_000)))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("The CP schedule sums to 9000 cents but the programme amount is 10000 cents")
                .expectNoEvents();
    }

    @Test
    void aYearsCpCannotDropBelowWhatWasMandatedInIt() {
        fixture.given(created(), mandated(2026, 2_000))
                .when(revise(9_000, schedule(2026, 1_999, 2027, 7_001)))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("The CP of 2026 cannot be 1999 cents: 2000 cents were already mandated in 2026")
                .expectNoEvents();
    }

    @Test
    void aYearWithMandatesCannotLeaveTheSchedule() {
        fixture.given(created(), mandated(2026, 1))
                .when(revise(9_000, schedule(2027, 9_000)))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void theAmountCannotDropBelowWhatIsEngaged() {
        fixture.given(created(), new ProgrammeEngaged(programmeId, VALMONT, UUID.randomUUID(), lineId, 8_000))
                .when(revise(7_999, schedule(2026, 3_000, 2027, 4_999)))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("The programme amount cannot be 7999 cents: 8000 cents are already engaged under it")
                .expectNoEvents();
    }

    @Test
    void anotherTenantCannotReviseTheProgramme() {
        fixture.given(created())
                .when(new ReviseProgramme(programmeId, Owner.tenant("210000030"), null, 9_000, schedule(2026, 9_000), "x", null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aLineOfTheProgrammesChapterSpendsIt() {
        fixture.given(created())
                .when(new AttachLineToProgramme(programmeId, VALMONT, lineId, "20", 2026))
                .expectEvents(new LineAttachedToProgramme(programmeId, VALMONT, lineId, 2026));
        fixture.given(created())
                .when(new AttachLineToProgramme(programmeId, VALMONT, lineId, "21", 2026))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("A line of chapter 21 cannot spend programme " + programmeId + " of chapter 20")
                .expectNoEvents();
        fixture.given(created())
                .when(new AttachLineToProgramme(programmeId, Owner.tenant("210000030"), lineId, "20", 2026))
                .expectException(NotFoundException.class);
    }

    @Test
    void engagementsUnderTheProgrammeStayWithinItsAmount() {
        UUID engagementId = UUID.randomUUID();
        fixture.given(created(), new ProgrammeEngaged(programmeId, VALMONT, UUID.randomUUID(), lineId, 8_000))
                .when(new EngageProgramme(programmeId, VALMONT, engagementId, lineId, 1_000))
                .expectEvents(new ProgrammeEngaged(programmeId, VALMONT, engagementId, lineId, 1_000));
        fixture.given(created(), new ProgrammeEngaged(programmeId, VALMONT, UUID.randomUUID(), lineId, 8_000))
                .when(new EngageProgramme(programmeId, VALMONT, engagementId, lineId, 1_001))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("Engaging 1001 cents would exceed programme " + programmeId
                        + ": amount 9000, already engaged 8000, available 1000")
                .expectNoEvents();
    }

    @Test
    void mandatesOfAYearStayWithinItsCp() {
        UUID mandateId = UUID.randomUUID();
        fixture.given(created(), mandated(2026, 2_000))
                .when(new MandateUnderProgramme(programmeId, VALMONT, mandateId, lineId, 2026, 1_000))
                .expectEvents(new ProgrammeMandated(programmeId, VALMONT, mandateId, lineId, 2026, 1_000))
                .expectState(programme -> assertThat(programme.mandatedByYear()).containsEntry(2026, 3_000L));
        fixture.given(created(), mandated(2026, 2_000))
                .when(new MandateUnderProgramme(programmeId, VALMONT, mandateId, lineId, 2026, 1_001))
                .expectException(BusinessRuleViolationException.class)
                .expectExceptionMessage("Mandating 1001 cents in 2026 would exceed the CP of 2026 of programme " + programmeId
                        + ": CP 3000, already mandated 2000")
                .expectNoEvents();
        fixture.given(created())
                .when(new MandateUnderProgramme(programmeId, VALMONT, mandateId, lineId, 2030, 1))
                .expectException(BusinessRuleViolationException.class)
                .expectNoEvents();
    }

    private ProgrammeCreated created() {
        return new ProgrammeCreated(programmeId, VALMONT, "SIG mutualisé", "20", Section.INVESTMENT, projectId, 9_000,
                List.of(new ScheduledCredit(2026, 3_000), new ScheduledCredit(2027, 6_000)));
    }

    private ProgrammeMandated mandated(int year, long amount) {
        return new ProgrammeMandated(programmeId, VALMONT, UUID.randomUUID(), lineId, year, amount);
    }

    private ReviseProgramme revise(long amount, CpSchedule schedule) {
        return new ReviseProgramme(programmeId, VALMONT, null, amount, schedule, "Report des CP non consommés", decisionId);
    }

    static CpSchedule schedule(long... yearsAndAmounts) {
        List<ScheduledCredit> credits = new java.util.ArrayList<>();
        for (int i = 0; i < yearsAndAmounts.length; i += 2) {
            credits.add(new ScheduledCredit((int) yearsAndAmounts[i], yearsAndAmounts[i + 1]));
        }
        return new CpSchedule(credits);
    }
}

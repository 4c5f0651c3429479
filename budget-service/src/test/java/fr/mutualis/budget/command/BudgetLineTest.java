package fr.mutualis.budget.command;

import fr.mutualis.kit.error.BusinessRuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetLineTest {

    private static final String VALMONT = "210000022";
    private final UUID lineId = UUID.randomUUID();
    private final UUID projectId = UUID.randomUUID();
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
                        "Logiciel financier", projectId, 1_500_000))
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

    private OpenBudgetLine open(Section section, String chapter) {
        return new OpenBudgetLine(lineId, VALMONT, 2026, section, chapter, "Logiciel financier", projectId, 1_500_000);
    }
}

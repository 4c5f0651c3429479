package fr.mutualis.budget.integration;

import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.budget.messages.AllocationMethod;
import fr.mutualis.budget.messages.BudgetStage;
import fr.mutualis.budget.messages.CostsAllocated;
import fr.mutualis.budget.messages.CreditsVoted;
import fr.mutualis.budget.messages.EngagementRecorded;
import fr.mutualis.budget.messages.LineAttachedToProgramme;
import fr.mutualis.budget.messages.MandateRecorded;
import fr.mutualis.budget.messages.MemberAllocation;
import fr.mutualis.budget.messages.ProgrammeCreated;
import fr.mutualis.budget.messages.ProgrammeEngaged;
import fr.mutualis.budget.messages.ProgrammeMandated;
import fr.mutualis.budget.messages.ProgrammeRevised;
import fr.mutualis.budget.messages.ScheduledCredit;
import fr.mutualis.budget.messages.Section;
import fr.mutualis.kit.integration.OutboundEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Each domain event maps to its published contract with every field, and internal bookkeeping stays internal. */
class BudgetIntegrationEventsTest {

    private static final String VALMONT = "210000022";
    private final BudgetIntegrationEvents mapper = new BudgetIntegrationEvents();
    private final UUID lineId = UUID.randomUUID();
    private final UUID projectId = UUID.randomUUID();
    private final UUID programmeId = UUID.randomUUID();
    private final UUID engagementId = UUID.randomUUID();
    private final LocalDate date = LocalDate.of(2026, 5, 4);

    @Test
    void theSpendingChainIsPublished() {
        assertThat(mapper.map(new CreditsVoted(lineId, Owner.tenant(VALMONT), UUID.randomUUID(), 2026, Section.OPERATING, BudgetStage.DM, 700, 500)))
                .contains(new OutboundEvent(VALMONT, new fr.mutualis.contracts.budget.CreditsVoted(lineId, VALMONT, 2026, "OPERATING", "DM", 700)));
        assertThat(mapper.map(new EngagementRecorded(engagementId, lineId, Owner.tenant(VALMONT), 2026, Section.INVESTMENT, projectId, programmeId, 300, "BC", date)))
                .contains(new OutboundEvent(VALMONT, new fr.mutualis.contracts.budget.EngagementRecorded(engagementId, lineId, VALMONT, 2026,
                        "INVESTMENT", projectId, 300, "BC", date)));
        UUID mandateId = UUID.randomUUID();
        assertThat(mapper.map(new MandateRecorded(mandateId, engagementId, lineId, Owner.tenant(VALMONT), 2026, Section.INVESTMENT, projectId, null, 100, "M", date)))
                .contains(new OutboundEvent(VALMONT, new fr.mutualis.contracts.budget.MandateRecorded(mandateId, engagementId, lineId, VALMONT,
                        2026, "INVESTMENT", projectId, 100, "M", date)));
    }

    @Test
    void programmesAndTheirRevisionsArePublished() {
        var schedule = List.of(new ScheduledCredit(2026, 100), new ScheduledCredit(2027, 200));
        var published = List.of(new fr.mutualis.contracts.budget.ProgrammeCreated.ScheduledCredit(2026, 100),
                new fr.mutualis.contracts.budget.ProgrammeCreated.ScheduledCredit(2027, 200));
        assertThat(mapper.map(new ProgrammeCreated(programmeId, Owner.tenant(VALMONT), "SIG", "20", Section.INVESTMENT, projectId, 300, schedule)))
                .contains(new OutboundEvent(VALMONT, new fr.mutualis.contracts.budget.ProgrammeCreated(programmeId, VALMONT, "SIG", "20",
                        "INVESTMENT", projectId, 300, published)));
        UUID decisionId = UUID.randomUUID();
        assertThat(mapper.map(new ProgrammeRevised(programmeId, Owner.tenant(VALMONT), 2, 300, schedule, "Report", decisionId, 300, List.of())))
                .contains(new OutboundEvent(VALMONT, new fr.mutualis.contracts.budget.ProgrammeRevised(programmeId, VALMONT, 2, 300,
                        published, "Report", decisionId)));
    }

    @Test
    void anAllocationIsPublishedAsMutualisationData() {
        UUID mutualisationId = UUID.randomUUID();
        assertThat(mapper.map(new CostsAllocated(UUID.randomUUID(), mutualisationId, "200000016", 2026, 10, AllocationMethod.USAGE,
                List.of(new MemberAllocation(VALMONT, BigDecimal.ONE, 10)))))
                .contains(new OutboundEvent(mutualisationId.toString(), new fr.mutualis.contracts.budget.CostsAllocated(mutualisationId,
                        "200000016", 2026, 10, "USAGE", List.of(new fr.mutualis.contracts.budget.CostsAllocated.Allocation(VALMONT, 10)))));
    }

    @Test
    void whatAProgrammeConsumesIsPublished() {
        UUID mandateId = UUID.randomUUID();
        assertThat(mapper.map(new LineAttachedToProgramme(programmeId, Owner.tenant(VALMONT), lineId, 2026)))
                .contains(new OutboundEvent(VALMONT, new fr.mutualis.contracts.budget.LineAttachedToProgramme(programmeId, VALMONT, lineId, 2026)));
        assertThat(mapper.map(new ProgrammeEngaged(programmeId, Owner.tenant(VALMONT), engagementId, lineId, 1)))
                .contains(new OutboundEvent(VALMONT, new fr.mutualis.contracts.budget.ProgrammeEngaged(programmeId, VALMONT, engagementId, lineId, 1)));
        assertThat(mapper.map(new ProgrammeMandated(programmeId, Owner.tenant(VALMONT), mandateId, lineId, 2026, 1)))
                .contains(new OutboundEvent(VALMONT, new fr.mutualis.contracts.budget.ProgrammeMandated(programmeId, VALMONT, mandateId, lineId, 2026, 1)));
    }
}

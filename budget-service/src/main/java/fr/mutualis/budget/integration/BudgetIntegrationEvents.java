package fr.mutualis.budget.integration;

import fr.mutualis.budget.messages.DecisionNotApplied;
import fr.mutualis.budget.messages.BudgetLineOpened;
import fr.mutualis.budget.messages.CostsAllocated;
import fr.mutualis.budget.messages.CreditTransferMade;
import fr.mutualis.budget.messages.CreditsVoted;
import fr.mutualis.budget.messages.EngagementRecorded;
import fr.mutualis.budget.messages.LineAttachedToProgramme;
import fr.mutualis.budget.messages.LineCreditsTransferred;
import fr.mutualis.budget.messages.MandateRecorded;
import fr.mutualis.budget.messages.ProgrammeCreated;
import fr.mutualis.budget.messages.ProgrammeEngaged;
import fr.mutualis.budget.messages.ProgrammeMandated;
import fr.mutualis.budget.messages.ProgrammeRevised;
import fr.mutualis.budget.messages.ScheduledCredit;
import fr.mutualis.budget.messages.TransferRatesVoted;
import fr.mutualis.kit.integration.IntegrationEventMapper;
import fr.mutualis.kit.integration.OutboundEvent;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** What the budget tells the other contexts, in the published vocabulary of {@code contracts}. */
@Component
public class BudgetIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<OutboundEvent> map(Object domainEvent) {
        return Optional.ofNullable(switch (domainEvent) {
            case BudgetLineOpened e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.budget.BudgetLineOpened(
                    e.lineId(), e.ownerId().id(), e.fiscalYear(), e.section().name(), e.chapter(), e.label(), e.projectId(),
                    e.plannedCents()));
            case CreditsVoted e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.budget.CreditsVoted(
                    e.lineId(), e.ownerId().id(), e.fiscalYear(), e.section().name(), e.stage().name(), e.creditsCents()));
            case EngagementRecorded e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.budget.EngagementRecorded(
                    e.engagementId(), e.lineId(), e.ownerId().id(), e.fiscalYear(), e.section().name(), e.projectId(),
                    e.amountCents(), e.reference(), e.date()));
            case MandateRecorded e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.budget.MandateRecorded(
                    e.mandateId(), e.engagementId(), e.lineId(), e.ownerId().id(), e.fiscalYear(), e.section().name(),
                    e.projectId(), e.amountCents(), e.reference(), e.date()));
            case ProgrammeCreated e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.budget.ProgrammeCreated(
                    e.programmeId(), e.ownerId().id(), e.label(), e.chapter(), e.section().name(), e.projectId(), e.amountCents(),
                    schedule(e.schedule())));
            case ProgrammeRevised e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.budget.ProgrammeRevised(
                    e.programmeId(), e.ownerId().id(), e.revision(), e.amountCents(), schedule(e.schedule()), e.reason(),
                    e.decisionId()));
            // Mutualisation-owned data: the envelope's owner is the mutualisation.
            case CostsAllocated e -> new OutboundEvent(e.mutualisationId().toString(), new fr.mutualis.contracts.budget.CostsAllocated(
                    e.mutualisationId(), e.epciSiren(), e.fiscalYear(), e.costCents(), e.method().name(),
                    e.allocations().stream()
                            .map(allocation -> new fr.mutualis.contracts.budget.CostsAllocated.Allocation(allocation.siren(),
                                    allocation.amountCents()))
                            .toList()));
            // A programme's consumption: EngagementRecorded and MandateRecorded do not name the programme.
            case LineAttachedToProgramme e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.budget.LineAttachedToProgramme(
                    e.programmeId(), e.ownerId().id(), e.lineId(), e.fiscalYear()));
            case ProgrammeEngaged e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.budget.ProgrammeEngaged(
                    e.programmeId(), e.ownerId().id(), e.engagementId(), e.lineId(), e.amountCents()));
            case ProgrammeMandated e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.budget.ProgrammeMandated(
                    e.programmeId(), e.ownerId().id(), e.mandateId(), e.lineId(), e.year(), e.amountCents()));
            case TransferRatesVoted e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.budget.TransferRatesVoted(
                    e.ownerId().id(), e.fiscalYear(), e.investmentBasisPoints(), e.operatingBasisPoints(), e.deliberation()));
            case CreditTransferMade e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.budget.CreditTransferMade(
                    e.transferId(), e.ownerId().id(), e.fiscalYear(), e.section().name(), e.fromLineId(), e.fromChapter(),
                    e.toLineId(), e.toChapter(), e.amountCents(), e.countedCents() > 0, e.reason(), e.date()));
            case LineCreditsTransferred e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.budget.LineCreditsTransferred(
                    e.lineId(), e.ownerId().id(), e.fiscalYear(), e.section().name(), e.transferId(), e.deltaCents(),
                    e.creditsCents()));
            // The year's bookkeeping of a vote: the lines' CreditsVoted are the published facts.
            case DecisionNotApplied e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.budget.DecisionNotApplied(
                    e.decisionId(), e.ownerId().id(), e.agendaItemKind(), e.subjectId(), e.reason()));
            default -> null;
        });
    }

    private static List<fr.mutualis.contracts.budget.ProgrammeCreated.ScheduledCredit> schedule(List<ScheduledCredit> schedule) {
        return schedule.stream()
                .map(credit -> new fr.mutualis.contracts.budget.ProgrammeCreated.ScheduledCredit(credit.year(), credit.amountCents()))
                .toList();
    }
}

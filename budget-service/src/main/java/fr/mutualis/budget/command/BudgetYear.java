package fr.mutualis.budget.command;

import fr.mutualis.budget.messages.CreditTransferMade;
import fr.mutualis.budget.messages.LineCredits;

import fr.mutualis.budget.messages.M57Chapters;
import fr.mutualis.budget.messages.MakeCreditTransfer;
import fr.mutualis.budget.messages.RecordVote;
import fr.mutualis.budget.messages.Section;
import fr.mutualis.budget.messages.TransferRatesVoted;
import fr.mutualis.budget.messages.VoteRecorded;
import fr.mutualis.budget.messages.VoteTransferRates;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static fr.mutualis.budget.messages.BudgetYears.MAX_RATE_BASIS_POINTS;
import static fr.mutualis.budget.messages.BudgetYears.ceiling;
import static fr.mutualis.budget.messages.BudgetYears.percent;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The budget of one owner (a collectivité or a mutualisation) for one fiscal year, as a whole. Each line guards its
 * own credits; this aggregate guards what only the whole budget knows (DOMAIN.md §3): the real expenditure of each
 * section, the rate of it the assembly delegated for transfers between chapters, and how much was already moved.
 * <p>
 * Transfers between chapters of one section are allowed up to that rate (never above 7.5 %, the legal maximum of the
 * M57 fungibility, CGCT art. L5217-10-6), never into or out of staff costs (012). The rate's base is the section's
 * credits as they stand (all the lines are real expenditure); what counts against it is the sum of every amount moved
 * between two chapters this year. Moving credits between two lines of ONE chapter is not a transfer between chapters:
 * the assembly votes credits by chapter, so it is allowed and uses nothing of the rate.
 * <p>
 * Its id derives from (owner, year), so that votes and transfers find it without an index; it comes into being with
 * the first vote, rate or transfer of its year.
 */
@Aggregate
class BudgetYear {

    @AggregateIdentifier
    private UUID budgetYearId;
    private final Map<Section, Integer> rateBasisPoints = new EnumMap<>(Section.class);
    private final Map<UUID, LineCredits> lines = new HashMap<>();
    private final Map<Section, Long> transferredCents = new EnumMap<>(Section.class);

    protected BudgetYear() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(VoteTransferRates command) {
        requireRate(Section.INVESTMENT, command.investmentBasisPoints());
        requireRate(Section.OPERATING, command.operatingBasisPoints());
        apply(new TransferRatesVoted(command.budgetYearId(), command.ownerId(), command.fiscalYear(), command.ratesVoteId(),
                command.investmentBasisPoints(), command.operatingBasisPoints(), command.deliberation()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordVote command) {
        apply(new VoteRecorded(command.budgetYearId(), command.ownerId(), command.fiscalYear(), command.voteId(),
                command.stage(), command.lines()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(MakeCreditTransfer command) {
        LineCredits from = command.from();
        LineCredits to = command.to();
        if (!from.ownerId().equals(to.ownerId()) || from.fiscalYear() != to.fiscalYear()) {
            throw new BusinessRuleViolationException("transfer-between-budgets",
                    "Credits move only within one budget: line " + from.lineId() + " is in " + from.ownerId() + "'s "
                            + from.fiscalYear() + " budget, line " + to.lineId() + " in " + to.ownerId() + "'s "
                            + to.fiscalYear() + " budget",
                    Map.of("fromLineId", from.lineId(), "toLineId", to.lineId()));
        }
        if (from.section() != to.section()) {
            throw new BusinessRuleViolationException("transfer-between-sections",
                    "Credits move only between chapters of one section: line " + from.lineId() + " is in the "
                            + from.section() + " section, line " + to.lineId() + " in the " + to.section() + " section",
                    Map.of("fromSection", from.section().name(), "toSection", to.section().name()));
        }
        boolean betweenChapters = !from.chapter().equals(to.chapter());
        if (betweenChapters && (M57Chapters.isStaffCosts(from.chapter()) || M57Chapters.isStaffCosts(to.chapter()))) {
            throw new BusinessRuleViolationException("staff-costs-transfer",
                    "No transfer goes into or out of staff costs (chapter " + M57Chapters.STAFF_COSTS + "): chapter "
                            + from.chapter() + " to chapter " + to.chapter(),
                    Map.of("fromChapter", from.chapter(), "toChapter", to.chapter()));
        }
        Section section = from.section();
        if (betweenChapters) {
            requireWithinRate(section, command.fiscalYear(), command.amountCents());
        }
        apply(new CreditTransferMade(command.budgetYearId(), command.ownerId(), command.fiscalYear(), command.transferId(),
                section, from.lineId(), from.chapter(), to.lineId(), to.chapter(), command.amountCents(),
                betweenChapters ? command.amountCents() : 0, command.reason(), command.date()));
    }

    private void requireRate(Section section, int basisPoints) {
        if (basisPoints < 0 || basisPoints > MAX_RATE_BASIS_POINTS) {
            throw new BusinessRuleViolationException("transfer-rate-above-maximum",
                    "The rate of transfers between chapters of the " + section + " section is at most "
                            + percent(MAX_RATE_BASIS_POINTS).toPlainString() + " % of its real expenditure, not "
                            + percent(basisPoints).toPlainString() + " %",
                    Map.of("section", section.name(), "ratePercent", percent(basisPoints),
                            "maximumPercent", percent(MAX_RATE_BASIS_POINTS)));
        }
    }

    /** {@code year} from the command: the id is all a budget of the year keeps of its owner and year. */
    private void requireWithinRate(Section section, int year, long amountCents) {
        int rate = rateBasisPoints.getOrDefault(section, 0);
        if (rate == 0) {
            throw new BusinessRuleViolationException("transfer-not-delegated",
                    "The assembly delegated no transfers between chapters of the " + section + " section for "
                            + year, Map.of("section", section.name(), "ratePercent", BigDecimal.ZERO));
        }
        long base = creditsOf(section);
        long ceiling = ceiling(base, rate);
        long transferred = transferredCents.getOrDefault(section, 0L);
        if (amountCents > ceiling - transferred) {
            throw new BusinessRuleViolationException("transfer-ceiling-exceeded",
                    "Transferring " + amountCents + " cents between chapters would exceed the delegated "
                            + percent(rate).toPlainString() + " % of the " + section
                            + " section's real expenditure: ceiling " + ceiling
                            + " cents of " + base + ", already transferred " + transferred + ", remaining "
                            + Math.max(0, ceiling - transferred),
                    orderedDetails("section", section.name(), "ratePercent", percent(rate), "baseCents", base,
                            "limitCents", ceiling, "transferredCents", transferred,
                            "remainingCents", Math.max(0, ceiling - transferred), "amountCents", amountCents));
        }
    }

    private static Map<String, Object> orderedDetails(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            details.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return details;
    }

    long creditsOf(Section section) {
        return lines.values().stream().filter(line -> line.section() == section).mapToLong(LineCredits::creditsCents).sum();
    }

    long transferredOf(Section section) {
        return transferredCents.getOrDefault(section, 0L);
    }

    @EventSourcingHandler
    void on(TransferRatesVoted event) {
        budgetYearId = event.budgetYearId();
        rateBasisPoints.put(Section.INVESTMENT, event.investmentBasisPoints());
        rateBasisPoints.put(Section.OPERATING, event.operatingBasisPoints());
    }

    @EventSourcingHandler
    void on(VoteRecorded event) {
        budgetYearId = event.budgetYearId();
        event.lines().forEach(line -> lines.put(line.lineId(), line));
    }

    @EventSourcingHandler
    void on(CreditTransferMade event) {
        budgetYearId = event.budgetYearId();
        transferredCents.merge(event.section(), event.countedCents(), Long::sum);
        lines.computeIfPresent(event.fromLineId(), (id, line) -> moved(line, -event.amountCents()));
        lines.computeIfPresent(event.toLineId(), (id, line) -> moved(line, event.amountCents()));
    }

    private static LineCredits moved(LineCredits line, long deltaCents) {
        return new LineCredits(line.lineId(), line.ownerId(), line.fiscalYear(), line.section(), line.chapter(),
                line.creditsCents() + deltaCents);
    }
}

package fr.mutualis.budget.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import fr.mutualis.budget.messages.BudgetLineOpened;
import fr.mutualis.budget.messages.BudgetStage;
import fr.mutualis.budget.messages.CreditsVoted;
import fr.mutualis.budget.messages.EngagementRecorded;
import fr.mutualis.budget.messages.LineCredits;
import fr.mutualis.budget.messages.LineCreditsTransferred;
import fr.mutualis.budget.messages.LineSpending;
import fr.mutualis.budget.messages.M57Chapters;
import fr.mutualis.budget.messages.MandateRecorded;
import fr.mutualis.budget.messages.OpenBudgetLine;
import fr.mutualis.budget.messages.RecordEngagement;
import fr.mutualis.budget.messages.RecordMandate;
import fr.mutualis.budget.messages.Section;
import fr.mutualis.budget.messages.TransferCreditsIn;
import fr.mutualis.budget.messages.TransferCreditsOut;
import fr.mutualis.budget.messages.VoteCredits;
import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.error.StateConflictException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A line of a collectivité's budget: one fiscal year, one section, one M57 chapter, its credits and its spending.
 * <p>
 * The line is the consistency boundary of the spending chain: votes, engagements and mandates are all recorded
 * through it, so that its event stream serialises them (Axon's lock in one instance, the unique (aggregate,
 * sequence) key of the event store across instances) and voted ≥ Σ engagements ≥ ... always holds.
 */
// The snapshot is the aggregate's fields, as they are: no getters or setters to go through.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@Aggregate(snapshotTriggerDefinition = "budgetLineSnapshots")
class BudgetLine {

    @AggregateIdentifier
    private UUID lineId;
    private Owner ownerId;
    private int fiscalYear;
    private Section section;
    private String chapter;
    private UUID projectId;
    private UUID programmeId;
    private BudgetStage lastStage;
    /** The credits open on the line: its last vote, plus or minus the transfers made since. */
    private long creditsCents;
    private long engagedCents;
    // Not final: Jackson 3 does not write final fields, and the snapshot must restore it.
    private Map<UUID, Engagement> engagements = new HashMap<>();

    protected BudgetLine() {
    }

    @CommandHandler
    public BudgetLine(OpenBudgetLine command) {
        if (!M57Chapters.belongsTo(command.chapter(), command.section())) {
            throw new BusinessRuleViolationException("chapter-section",
                    "Chapter " + command.chapter() + " is not a chapter of the " + command.section()
                            + " section; accepted chapters: " + String.join(", ", M57Chapters.acceptedIn(command.section())),
                    Map.of("chapter", command.chapter(), "section", command.section().name(),
                            "acceptedChapters", M57Chapters.acceptedIn(command.section())));
        }
        apply(new BudgetLineOpened(command.lineId(), command.ownerId(), command.fiscalYear(), command.section(),
                command.chapter(), command.label(), command.projectId(), command.plannedCents(), command.programmeId()));
    }

    /** Returns the line's credits after the vote, for the budget of the year to record in the same transaction. */
    @CommandHandler
    LineCredits handle(VoteCredits command) {
        command.caller().requireManages(ownerId, "Budget line", command.lineId());
        if (command.fiscalYear() != fiscalYear) {
            throw new BusinessRuleViolationException("vote-fiscal-year",
                    "Line " + lineId + " belongs to fiscal year " + fiscalYear + ", not to the " + command.fiscalYear() + " vote",
                    Map.of("lineId", lineId, "lineFiscalYear", fiscalYear, "voteFiscalYear", command.fiscalYear()));
        }
        if (!command.stage().mayFollow(lastStage)) {
            throw new StateConflictException("A " + command.stage() + " vote cannot follow "
                    + (lastStage == null ? "no vote" : "the " + lastStage + " vote") + " on line " + lineId,
                    lastStage == null ? "NOT_VOTED" : lastStage.name(), "stage-order");
        }
        if (command.creditsCents() < engagedCents) {
            throw new BusinessRuleViolationException("credits-below-engaged",
                    "Credits of " + command.creditsCents() + " cents would be lower than the " + engagedCents
                            + " cents already engaged on line " + lineId,
                    Map.of("lineId", lineId, "creditsCents", command.creditsCents(), "engagedCents", engagedCents));
        }
        apply(new CreditsVoted(lineId, ownerId, command.voteId(), fiscalYear, section, command.stage(),
                command.creditsCents(), creditsCents));
        return credits();
    }

    /**
     * The source side of a transfer: the line gives up credits it has not engaged. The budget of the year, told in the
     * same transaction, checks the section, chapter and rate rules.
     */
    @CommandHandler
    LineCredits handle(TransferCreditsOut command) {
        command.caller().requireManages(ownerId, "Budget line", command.lineId());
        requireTransferable(command.date());
        long available = creditsCents - engagedCents;
        if (command.amountCents() > available) {
            throw new BusinessRuleViolationException("transfer-exceeds-available",
                    "Transferring " + command.amountCents() + " cents out of line " + lineId
                            + " would leave its credits below what is engaged: credits " + creditsCents + ", engaged "
                            + engagedCents + ", available " + available,
                    Map.of("lineId", lineId, "limitCents", available, "creditsCents", creditsCents,
                            "engagedCents", engagedCents, "amountCents", command.amountCents()));
        }
        apply(new LineCreditsTransferred(lineId, ownerId, fiscalYear, section, chapter, command.transferId(),
                command.toLineId(), -command.amountCents(), creditsCents - command.amountCents(), command.date()));
        return credits();
    }

    /** The receiving side of a transfer. */
    @CommandHandler
    LineCredits handle(TransferCreditsIn command) {
        command.caller().requireManages(ownerId, "Budget line", command.lineId());
        requireTransferable(command.date());
        apply(new LineCreditsTransferred(lineId, ownerId, fiscalYear, section, chapter, command.transferId(),
                command.fromLineId(), command.amountCents(), creditsCents + command.amountCents(), command.date()));
        return credits();
    }

    /** Returns the line's owner and the programme it spends, if any, for the caller to charge in the same transaction. */
    @CommandHandler
    LineSpending handle(RecordEngagement command) {
        command.caller().requireManages(ownerId, "Budget line", command.lineId());
        requireOpen("engagement");
        requireDatedInFiscalYear("An engagement", command.date());
        long available = creditsCents - engagedCents;
        if (command.amountCents() > available) {
            throw new BusinessRuleViolationException("credits-exceeded",
                    "Engaging " + command.amountCents() + " cents would exceed the voted credits of line " + lineId
                            + ": voted " + creditsCents + ", already engaged " + engagedCents + ", available " + available,
                    Map.of("lineId", lineId, "limitCents", creditsCents, "engagedCents", engagedCents,
                            "availableCents", available, "amountCents", command.amountCents()));
        }
        apply(new EngagementRecorded(command.engagementId(), lineId, ownerId, fiscalYear, section, projectId, programmeId,
                command.amountCents(), command.reference(), command.date()));
        return new LineSpending(ownerId, programmeId, fiscalYear);
    }

    /** Returns the programme the line spends, if any, so that the caller also charges its CP in the same transaction. */
    @CommandHandler
    LineSpending handle(RecordMandate command) {
        command.caller().requireManages(ownerId, "Budget line", command.lineId());
        Engagement engagement = engagements.get(command.engagementId());
        if (engagement == null) {
            throw new NotFoundException("Engagement", command.engagementId());
        }
        requireOpen("mandate");
        long available = engagement.amountCents() - engagement.mandatedCents();
        if (command.amountCents() > available) {
            throw new BusinessRuleViolationException("engagement-exceeded",
                    "Mandating " + command.amountCents() + " cents would exceed engagement " + command.engagementId()
                            + ": engaged " + engagement.amountCents() + ", already mandated " + engagement.mandatedCents()
                            + ", available " + available,
                    Map.of("engagementId", command.engagementId(), "limitCents", engagement.amountCents(),
                            "mandatedCents", engagement.mandatedCents(), "availableCents", available,
                            "amountCents", command.amountCents()));
        }
        apply(new MandateRecorded(command.mandateId(), command.engagementId(), lineId, ownerId, fiscalYear, section,
                projectId, programmeId, command.amountCents(), command.reference(), command.date()));
        return new LineSpending(ownerId, programmeId, fiscalYear);
    }

    @EventSourcingHandler
    void on(BudgetLineOpened event) {
        lineId = event.lineId();
        ownerId = event.ownerId();
        fiscalYear = event.fiscalYear();
        section = event.section();
        chapter = event.chapter();
        projectId = event.projectId();
        programmeId = event.programmeId();
    }

    @EventSourcingHandler
    void on(CreditsVoted event) {
        lastStage = event.stage();
        creditsCents = event.creditsCents();
    }

    @EventSourcingHandler
    void on(LineCreditsTransferred event) {
        creditsCents = event.creditsCents();
    }

    @EventSourcingHandler
    void on(EngagementRecorded event) {
        engagedCents += event.amountCents();
        engagements.put(event.engagementId(), new Engagement(event.amountCents(), 0));
    }

    @EventSourcingHandler
    void on(MandateRecorded event) {
        engagements.computeIfPresent(event.engagementId(), (id, engagement) -> engagement.mandate(event.amountCents()));
    }

    /** Credits move only between lines voted and not yet closed, on a date of their fiscal year. */
    private void requireTransferable(LocalDate date) {
        if (lastStage == null) {
            throw new StateConflictException("Line " + lineId + " has no voted credits yet: no transfer before its first vote",
                    "NOT_VOTED", "not-voted");
        }
        requireOpen("transfer");
        requireDatedInFiscalYear("A transfer", date);
    }

    private void requireDatedInFiscalYear(String what, LocalDate date) {
        if (date.getYear() != fiscalYear) {
            throw new BusinessRuleViolationException("date-outside-fiscal-year",
                    what + " on a " + fiscalYear + " line must be dated in " + fiscalYear + ", not " + date,
                    Map.of("fiscalYear", fiscalYear, "date", date.toString()));
        }
    }

    private LineCredits credits() {
        return new LineCredits(lineId, ownerId, fiscalYear, section, chapter, creditsCents);
    }

    private void requireOpen(String what) {
        if (lastStage == BudgetStage.CA) {
            throw new StateConflictException("Line " + lineId + " is closed by its CA: no further " + what, lastStage.name(),
                    "closed-by-ca");
        }
    }

    Owner ownerId() {
        return ownerId;
    }

    Section section() {
        return section;
    }

    long creditsCents() {
        return creditsCents;
    }

    long engagedCents() {
        return engagedCents;
    }

    Map<UUID, Long> mandatedByEngagement() {
        Map<UUID, Long> mandated = new LinkedHashMap<>();
        engagements.forEach((id, engagement) -> mandated.put(id, engagement.mandatedCents()));
        return mandated;
    }

    /** What the line must remember of an engagement to guard its mandates. */
    private record Engagement(long amountCents, long mandatedCents) {

        Engagement mandate(long cents) {
            return new Engagement(amountCents, mandatedCents + cents);
        }
    }
}
